import Foundation
import Synchronization
import Testing
import ZonegriseTestSupport

/// Servers started by the tests, ended when the test process exits.
private let startedServers = Mutex<[Int32]>([])

/// The built `zonegrise serve` (`.build/debug/zonegrise`), started on `--port 0` on a
/// manifest: the first line of its standard output is the bound URL.
final class ServeProcess: Sendable {
    let port: Int
    let url: String
    let pid: Int32
    /// Where its standard error goes (warnings).
    let stderrPath: String

    static let binary = RepositoryFolders.root.appendingPathComponent(".build/debug/zonegrise").path

    /// The demo's server, shared by the tests (started once, ended at exit).
    static let demo: Result<ServeProcess, any Error> = Result { try ServeProcess(arguments: ["geodata/demo/demo.yaml"]) }

    static func sharedDemo(sourceLocation: SourceLocation = #_sourceLocation) throws -> ServeProcess {
        try demo.get()
    }

    /// Starts `zonegrise serve ARGUMENTS --port 0 -q` in the repository root and waits
    /// (up to `timeoutSeconds`) for the URL it prints.
    init(arguments: [String], timeoutSeconds: Double = 300) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw HTTPExchange.Failure(description: "the built tool \(Self.binary) does not exist: run `swift build --product zonegrise` first")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve"] + arguments + ["--port", "0", "-q"]
        process.currentDirectoryURL = RepositoryFolders.root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        pid = process.processIdentifier
        startedServers.withLock { $0.append(process.processIdentifier) }
        Self.installExitHandler()
        stderrPath = errURL.path
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var line: String?
        while Date() < deadline {
            let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let newline = text.firstIndex(of: "\n") { line = String(text[..<newline]); break }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard let line, let components = URLComponents(string: line), let port = components.port else {
            let errors = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            kill(pid, SIGTERM)
            throw HTTPExchange.Failure(description: "zonegrise serve printed no URL within \(Int(timeoutSeconds)) s; stderr: \(errors)")
        }
        url = line
        self.port = port
    }

    /// Ends the server (SIGTERM, graceful).
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        startedServers.withLock { $0.removeAll { $0 == pid } }
    }

    func get(_ path: String) throws -> HTTPExchange { try HTTPExchange.send(port: port, "GET", path) }

    func post(_ path: String, _ body: String) throws -> HTTPExchange { try HTTPExchange.send(port: port, "POST", path, body: Array(body.utf8)) }

    private static let exitHandler: Void = {
        atexit {
            for pid in startedServers.withLock({ $0 }) { kill(pid, SIGTERM) }
        }
    }()

    private static func installExitHandler() { _ = exitHandler }
}
