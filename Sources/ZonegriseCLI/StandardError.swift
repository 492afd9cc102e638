import Foundation

/// Writes `text` and a newline on standard error (warnings, timings, errors).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
