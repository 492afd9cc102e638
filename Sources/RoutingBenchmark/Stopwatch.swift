/// Wall-clock timing helpers for the benchmark.
enum Stopwatch {
    /// Seconds taken by `body`, and its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        let clock = ContinuousClock()
        var value: T?
        let duration = try clock.measure { value = try body() }
        return (seconds(duration), value!)
    }

    /// The best of `repeats` runs, in seconds, and the last result.
    static func best<T>(of repeats: Int, _ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        var best = Double.infinity
        var last: T?
        for _ in 0 ..< repeats {
            let (s, v) = try time(body)
            best = min(best, s)
            last = v
        }
        return (best, last!)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
