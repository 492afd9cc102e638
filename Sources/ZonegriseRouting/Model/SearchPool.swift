import Synchronization

/// Searches kept for reuse by the searches of one prepared network, so that a query
/// does not allocate and clear 8 bytes per node each time (a million-node network: 8 MB
/// per candidate site evaluated). A search taken from the pool reuses its labels when
/// no kept result still holds them, and allocates new ones otherwise; concurrent
/// queries each take their own.
final class SearchPool: Sendable {
    let graph: RoadGraph
    private let idle = Mutex<[MultiSourceSearch]>([])

    init(graph: RoadGraph) {
        self.graph = graph
    }

    /// Runs `body` with a search of the pool (a new one when all are taken) and puts it back.
    func withSearch<R>(_ body: (inout MultiSourceSearch) throws -> R) rethrows -> R {
        var search = idle.withLock { $0.popLast() } ?? MultiSourceSearch(graph: graph)
        defer { idle.withLock { $0.append(search) } }
        return try body(&search)
    }
}
