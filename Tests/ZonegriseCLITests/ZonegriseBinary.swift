import Foundation
import Testing
import ZonegriseTestSupport

/// The built `zonegrise` tool (`.build/debug/zonegrise` under the repository root), run
/// as a user would, with its exit code and output.
///
/// `scripts/test.sh` builds it before `swift test`; when it is missing the tests fail
/// saying to run `swift build --product zonegrise`.
enum ZonegriseBinary {
    static let repositoryRoot: URL = RepositoryFolders.root

    static let path = repositoryRoot.appendingPathComponent(".build/debug/zonegrise").path

    static let missingMessage = "the built tool \(path) does not exist: run `swift build --product zonegrise` first (scripts/test.sh does it before `swift test`)"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the tool with `arguments` in the repository root, with this process's
    /// environment and the variables of `environment` on top.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try run(executable: path, missing: missingMessage, arguments, environment: environment, sourceLocation: sourceLocation)
    }

    /// Runs another built executable of the package (`executable`) the same way;
    /// `missing` is the failure's message when it has not been built.
    static func run(executable: String, missing: String, _ arguments: [String], environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: executable), Comment(rawValue: missing), sourceLocation: sourceLocation)
        let scratch = try CLIScratch.folder("process")
        defer { CLIScratch.remove(scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}

/// Temporary folders of the end-to-end tests.
enum CLIScratch {
    static func folder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-cli-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// Rows of a CSV keyed by their first field (no quoted commas in the files read so).
    static func rows(_ file: URL) throws -> [String: [String]] {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        return Dictionary(uniqueKeysWithValues: lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields)
        })
    }
}
