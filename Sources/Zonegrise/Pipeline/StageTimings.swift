import Foundation

/// Wall-clock time of each stage of a run, in seconds, for `--timings` and benchmarks.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    /// Called with each stage's name as it starts (the CLI shows it on a terminal).
    public var onStageStart: (@Sendable (String) -> Void)?

    public init(onStageStart: (@Sendable (String) -> Void)? = nil) {
        self.onStageStart = onStageStart
    }

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        onStageStart?(name)
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
