import Foundation

/// Runs this executable again as a child (a trap in a reader kills only the child), with
/// its standard error in a file, a watchdog killing it when the case it is on does not
/// change for `stallSeconds`.
struct ChildProcess {
    struct Outcome {
        /// The exit status, or the signal that killed it.
        var status: Int32
        var signalled: Bool
        var stalled: Bool
        var stderr: String
        var finished: Bool { !signalled && status == 0 && !stalled }
    }

    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path

    /// Runs `arguments`; `progress` is the file the child writes its case number to.
    static func run(_ arguments: [String], progress: URL?, stallSeconds: Double = 30, backtrace: Bool) throws -> Outcome {
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-fuzz-stderr-\(UUID().uuidString)")
        try Data().write(to: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = backtrace ? "enable=yes,interactive=no,color=no,symbolicate=fast,limit=24,top=0,sanitize=no,threads=crashed" : "enable=no"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        var last = "", lastChange = Date()
        var stalled = false
        while process.isRunning {
            usleep(5_000)
            if let progress {
                let now = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
                if now != last {
                    last = now
                    lastChange = Date()
                }
            }
            if Date().timeIntervalSince(lastChange) > stallSeconds {
                stalled = true
                process.terminate()
                usleep(200_000)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
        }
        process.waitUntilExit()
        try? err.close()
        // A child that crashed left its territory folder (`FuzzTerritory`, named by its pid).
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("zonegrise-fuzz-\(process.processIdentifier)-") {
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
        let text = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stalled: stalled, stderr: text)
    }
}
