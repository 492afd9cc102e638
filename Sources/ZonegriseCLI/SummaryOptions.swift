import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

/// What `analyse`, `compare` and `recommend` print besides their outputs: the text
/// summary on standard output (or the JSON one with `--json`), warnings and `--timings`
/// on standard error, and the progress bar on a terminal.
struct SummaryOptions: ParsableArguments {
    @Flag(help: "Print the time of each stage.")
    var timings = false
    @Flag(name: .shortAndLong, help: "Print nothing but errors (no progress, warnings or summary; --json still prints its summary).")
    var quiet = false
    @Flag(help: "Print a JSON summary on standard output instead of the text summary (docs/JSON-SUMMARY.md).")
    var json = false

    /// Runs `body` with the terminal's progress reporter (nil in pipes, CI, `--quiet`),
    /// the bar cleared however `body` ends, before anything else is printed.
    func withProgress<T>(_ body: (ProgressReporter?) async throws -> T) async rethrows -> T {
        let progress = TerminalProgress(enabled: !quiet)
        defer { progress.finish() }
        return try await body(progress.reporter)
    }

    /// Prints the warnings and timings on standard error, then the text summary (or the
    /// JSON one) on standard output, as the flags say.
    func report(warnings: [String], timings stages: StageTimings, text: () -> String, json document: () -> String) {
        if !quiet { for warning in warnings { printError("zonegrise: warning: \(warning)") } }
        if timings { stages.print() }
        if json {
            FileHandle.standardOutput.write(Data(document().utf8))
        } else if !quiet {
            print(text())
        }
    }
}
