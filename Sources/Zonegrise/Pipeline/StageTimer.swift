import Foundation

/// Wall-clock time of each stage of a run, in seconds, for `--timings` and benchmarks.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
