import Foundation

/// Shrinks a crashing input while it still crashes with the same message: removes
/// halves, quarters… down to single bytes, within a budget of child runs.
struct Minimiser {
    var target: String
    var report: CrashReport
    var budget = 48

    func crashes(_ bytes: [UInt8]) -> Bool {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-fuzz-min-\(UUID().uuidString)")
        let progress = file.appendingPathExtension("progress")
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: progress)
        }
        try? Data(bytes).write(to: file)
        guard let outcome = try? ChildProcess.run(["files", target, progress.path, file.path], progress: progress, stallSeconds: 10, backtrace: true),
              !outcome.finished else { return false }
        return CrashReport(stderr: outcome.stderr, stalled: outcome.stalled) == report
    }

    func minimise(_ input: [UInt8]) -> [UInt8] {
        var bytes = input, runs = 0
        var chunk = max(1, bytes.count / 2)
        while chunk >= 1, runs < budget {
            var start = 0, removed = false
            while start < bytes.count, runs < budget {
                var candidate = bytes
                candidate.removeSubrange(start ..< min(bytes.count, start + chunk))
                runs += 1
                if crashes(candidate) {
                    bytes = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return bytes
    }
}
