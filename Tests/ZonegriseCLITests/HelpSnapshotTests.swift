import Foundation
import Testing

/// `--help` of the tool and of each command, against the text files in `Snapshots/`.
///
/// The help is read from the built binary with `COLUMNS=80`, as ArgumentParser wraps it
/// to the terminal's width. After a deliberate change, re-record with
/// `ZONEGRISE_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests`: the files are
/// rewritten and the tests fail once, saying so; run again without the variable to compare.
@Suite("CLI: help snapshots")
struct HelpSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["ZONEGRISE_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: [
        ("zonegrise-help.txt", ["--help"]),
        ("zonegrise-analyse-help.txt", ["analyse", "--help"]),
        ("zonegrise-compare-help.txt", ["compare", "--help"]),
        ("zonegrise-recommend-help.txt", ["recommend", "--help"]),
        ("zonegrise-serve-help.txt", ["serve", "--help"]),
        ("zonegrise-gammes-help.txt", ["gammes", "--help"]),
        ("zonegrise-calibrate-help.txt", ["calibrate", "--help"]),
    ])
    func help(snapshot name: String, arguments: [String]) throws {
        let result = try ZonegriseBinary.run(arguments, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let file = Self.folder.appendingPathComponent(name)
        let command = "zonegrise " + arguments.joined(separator: " ")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file)
            Issue.record("recorded `\(command)` into \(file.path); run the tests again without ZONEGRISE_RECORD_SNAPSHOTS to compare")
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.path): record it with ZONEGRISE_RECORD_SNAPSHOTS=1")
            return
        }
        if result.stdout != expected {
            Issue.record("""
                `\(command)` differs from \(name) (- snapshot, + now); \
                if the change is meant, re-record with ZONEGRISE_RECORD_SNAPSHOTS=1:
                \(LineDiff.render(expected: expected, actual: result.stdout))
                """)
        }
    }
}
