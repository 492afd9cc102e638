import Synchronization

/// Where a run reports its long steps (a `ProgressStage` each) for a display to sample:
/// the command-line tool draws a bar with the time left on a terminal, and nothing at
/// all when no reporter is given (pipes, CI, `--quiet`, library callers).
///
/// Stages may overlap (the road graph loads while the territory does): every stage not
/// finished is active, and `current()` is the one a one-line display shows, the latest
/// begun whose size is known (else the latest begun).
///
/// `begin` takes a lock (a few times per run); `ProgressStage.advance(by:)` does not.
public final class ProgressReporter: Sendable {
    /// The clock, nanoseconds (monotonic; tests give a fake one).
    public let now: @Sendable () -> UInt64
    private let stages = Mutex<[ProgressStage]>([])

    /// - Parameter now: a monotonic clock in nanoseconds (the default: `ContinuousClock`).
    public init(now: @escaping @Sendable () -> UInt64 = ProgressReporter.monotonicNanoseconds) {
        self.now = now
    }

    /// Nanoseconds of `ContinuousClock` since an arbitrary origin.
    @Sendable public static func monotonicNanoseconds() -> UInt64 {
        let elapsed = ContinuousClock.now - origin
        let (seconds, attoseconds) = elapsed.components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    private static let origin = ContinuousClock.now

    /// A new stage of `totalUnits` units (0: size not known yet, `setTotal` later).
    /// - Complexity: O(active stages), under a lock.
    public func begin(_ name: String, totalUnits: Int = 0) -> ProgressStage {
        let start = now()
        let stage = ProgressStage(name: name, totalUnits: totalUnits, startNanoseconds: start)
        stages.withLock { list in
            list.removeAll { $0.isFinished }
            list.append(stage)
        }
        return stage
    }

    /// The stages begun and not finished, in the order they began.
    public func activeStages() -> [ProgressStage] {
        stages.withLock { list in
            list.removeAll { $0.isFinished }
            return list
        }
    }

    /// The stage a one-line display shows: the latest begun of known size, else the
    /// latest begun; nil when none is active.
    public func current() -> ProgressStage? {
        let active = activeStages()
        return active.last { $0.totalUnits > 0 } ?? active.last
    }
}
