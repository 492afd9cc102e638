import Foundation

/// Wall-clock time of each stage of a run, in seconds, for `--timings` and benchmarks.
/// Stages that run concurrently overlap: their sum may exceed the run's wall time.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    /// Called with each stage's name as it starts (the CLI shows it on a terminal).
    public var onStageStart: (@Sendable (String) -> Void)?
    /// Wall time of the whole run, seconds, when measured (0 otherwise).
    public var wallSeconds = 0.0

    public init(onStageStart: (@Sendable (String) -> Void)? = nil) {
        self.onStageStart = onStageStart
    }

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        onStageStart?(name)
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    mutating func measure<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        onStageStart?(name)
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try await body()
    }

    /// Adds the stages of a concurrent part of the run, in its order.
    mutating func append(_ other: StageTimings) {
        stages += other.stages
    }

    /// The sum of the stages' times (more than the wall time where stages overlapped).
    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
