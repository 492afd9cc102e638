import Foundation

/// Wall-clock timing for the benchmark.
enum Timing {
    /// Seconds taken by `body`, and its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value)
    }

    /// The best of `repeats` runs, in seconds, and the result of that run.
    static func best<T>(of repeats: Int, _ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        var best: (seconds: Double, value: T)?
        for _ in 0 ..< repeats {
            let run = try time(body)
            if best == nil || run.seconds < best!.seconds { best = run }
        }
        return best!
    }
}

/// Text helpers for the report.
enum Report {
    static func milliseconds(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// One line of the reading table: label, time, objects per second.
    static func line(_ label: String, _ seconds: Double, objects: Int) -> String {
        let padded = label.count < 56 ? label + String(repeating: " ", count: 56 - label.count) : label
        return padded + milliseconds(seconds) + String(format: "  %6.2f M objects/s", Double(objects) / seconds / 1e6)
    }
}
