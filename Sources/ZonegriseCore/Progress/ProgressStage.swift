import Synchronization

/// One long step of a run as it goes: `completedUnits` of `totalUnits` done (files read,
/// searches finished, candidates evaluated, writers done). A total of 0 means the size
/// is not known (the display shows the stage's name and elapsed time only).
///
/// Reporting is cheap enough for loops: `advance(by:)` is one relaxed atomic add, with
/// no lock and no call to the display; the display samples the counters on its own
/// clock (`ProgressReporter.activeStages()`), at most about ten times a second.
public final class ProgressStage: Sendable {
    /// The stage's name as shown (`search`, `read communes`, …).
    public let name: String
    /// When the stage began, on the reporter's clock, nanoseconds.
    public let startNanoseconds: UInt64
    private let total: Atomic<Int>
    private let completed = Atomic<Int>(0)
    private let ended = Atomic<Bool>(false)
    /// The current phase within the stage (`ways`, `nodes`…), set rarely.
    private let phase = Mutex<String?>(nil)

    init(name: String, totalUnits: Int, startNanoseconds: UInt64) {
        self.name = name
        self.total = Atomic(max(0, totalUnits))
        self.startNanoseconds = startNanoseconds
    }

    /// Marks `units` more as done. - Complexity: O(1), one atomic add, no lock.
    public func advance(by units: Int = 1) {
        completed.wrappingAdd(units, ordering: .relaxed)
    }

    /// Sets the number of units once it is known (0: unknown).
    public func setTotal(_ units: Int) {
        total.store(max(0, units), ordering: .relaxed)
    }

    /// Names the phase the stage is in, shown beside its name (nil: none).
    public func setPhase(_ name: String?) {
        phase.withLock { $0 = name }
    }

    /// Ends the stage: the display no longer shows it. Idempotent.
    public func finish() {
        ended.store(true, ordering: .releasing)
    }

    public var totalUnits: Int { total.load(ordering: .relaxed) }
    /// Units done so far, at most `totalUnits` when that is known.
    public var completedUnits: Int {
        let done = max(0, completed.load(ordering: .relaxed)), all = totalUnits
        return all > 0 ? min(done, all) : done
    }
    public var isFinished: Bool { ended.load(ordering: .acquiring) }
    public var currentPhase: String? { phase.withLock { $0 } }

    /// The fraction done, 0…1, or nil when the total is unknown.
    public var fraction: Double? {
        let all = totalUnits
        return all > 0 ? Double(completedUnits) / Double(all) : nil
    }
}
