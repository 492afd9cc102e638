import Synchronization

/// Collects the warnings of a run, in the order they were added, so that the run can
/// print them and write them in its manifest. A reference type so readers can share
/// one; safe to add to from concurrent tasks (a stage that runs concurrently with
/// others keeps its own collector and appends it in input order, so the order stays
/// deterministic).
public final class Warnings: Sendable {
    private let storage = Mutex<[RunWarning]>([])

    public init() {}

    /// Adds a warning.
    public func add(_ warning: RunWarning) {
        storage.withLock { $0.append(warning) }
    }

    /// Adds every warning of another collector, in its order.
    public func append(contentsOf other: Warnings) {
        let added = other.all
        storage.withLock { $0.append(contentsOf: added) }
    }

    /// Every warning, in the order added.
    public var all: [RunWarning] { storage.withLock { $0 } }

    /// The printed sentences, in the order added.
    public var messages: [String] { all.map(\.message) }
}
