import Foundation

/// Shows the current stage on one line of a terminal; silent in pipes and CI.
struct TerminalProgress {
    let active: Bool

    init(enabled: Bool) {
        active = enabled && isatty(STDERR_FILENO) == 1
    }

    var callback: (@Sendable (String) -> Void)? {
        guard active else { return nil }
        return { stage in FileHandle.standardError.write(Data("\u{1B}[2K\rzonegrise: \(stage)…".utf8)) }
    }

    func finish() {
        if active { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
    }
}
