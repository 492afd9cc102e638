import Foundation

/// Fault injection for the tests of `OutputTransaction`, as SQLite and git have theirs:
/// the environment variable `ZONEGRISE_FAULT_INJECTION=ACTION:STEP[,ACTION:STEP…]` makes a run stop at
/// one step of replacing its output folder, to check that the folder is then the whole
/// old set of results or the whole new one.
///
/// - `kill:STEP` ends the process there with SIGKILL (as `kill -9` would);
/// - `pause:STEP` prints `zonegrise: paused at STEP` on standard error and waits for a
///   signal (a test then starts a second run, or kills this one);
/// - `fail:STEP` makes the step's system call fail (`fail:exchange-unsupported` makes
///   the exchange report that the filesystem cannot exchange, to test the fallback).
///
/// Steps, in order: `locked`, `staged`, `carried`, `exchange`, `moved-aside` (fallback
/// only), `exchanged`, `removing`, `done`. Unset (always, outside tests), it costs one
/// look-up of the environment per run.
enum CommitFault {
    static let variable = "ZONEGRISE_FAULT_INJECTION"

    /// The actions and steps asked for (several separated by commas), read once.
    static let requested: [(action: String, step: String)] = {
        guard let value = ProcessInfo.processInfo.environment[variable] else { return [] }
        return value.split(separator: ",").compactMap { item in
            guard let colon = item.firstIndex(of: ":") else { return nil }
            return (String(item[..<colon]), String(item[item.index(after: colon)...]))
        }
    }()

    /// Kills or pauses the process when asked to at `step`.
    static func reach(_ step: String) {
        guard let action = requested.first(where: { $0.step == step && $0.action != "fail" })?.action else { return }
        switch action {
        case "kill":
            kill(getpid(), SIGKILL)
        case "pause":
            FileHandle.standardError.write(Data("zonegrise: paused at \(step)\n".utf8))
            while true { pause() }
        default:
            return
        }
    }

    /// True when the system call of `step` is to fail.
    static func fails(_ step: String) -> Bool {
        requested.contains { $0.action == "fail" && $0.step == step }
    }
}
