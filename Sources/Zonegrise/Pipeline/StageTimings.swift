import Foundation
import ZonegriseCore

/// Wall-clock time of each stage of a run, in seconds, for `--timings` and benchmarks.
/// Stages that run concurrently overlap: their sum may exceed the run's wall time.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    /// Where each stage is reported as it runs (the CLI draws it on a terminal).
    public var progress: ProgressReporter?
    /// Wall time of the whole run, seconds, when measured (0 otherwise).
    public var wallSeconds = 0.0

    public init(progress: ProgressReporter? = nil) {
        self.progress = progress
    }

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        try measureReporting(name) { _ in try body() }
    }

    mutating func measure<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        try await measureReporting(name) { _ in try await body() }
    }

    /// Times `body`, which reports its fractions on the stage given (nil without a
    /// reporter); the stage ends with `body`, however it ends.
    mutating func measureReporting<T>(_ name: String, totalUnits: Int = 0, _ body: (ProgressStage?) throws -> T) rethrows -> T {
        let stage = progress?.begin(name, totalUnits: totalUnits)
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            stage?.finish()
            stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return try body(stage)
    }

    mutating func measureReporting<T>(_ name: String, totalUnits: Int = 0, _ body: (ProgressStage?) async throws -> T) async rethrows -> T {
        let stage = progress?.begin(name, totalUnits: totalUnits)
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            stage?.finish()
            stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return try await body(stage)
    }

    /// Adds the stages of a concurrent part of the run, in its order.
    mutating func append(_ other: StageTimings) {
        stages += other.stages
    }

    /// The sum of the stages' times (more than the wall time where stages overlapped).
    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
