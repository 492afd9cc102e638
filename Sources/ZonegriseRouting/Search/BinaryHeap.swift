/// A plain binary min-heap of `UInt64` entries (`key << 32 | payload`), for lazy-deletion
/// Dijkstra.
/// - Complexity: push and pop O(log n).
struct BinaryHeap {
    private(set) var entries: [UInt64]

    /// Takes `storage` (an empty array, capacity kept from earlier runs).
    init(storage: [UInt64]) {
        entries = storage
        entries.removeAll(keepingCapacity: true)
    }

    var isEmpty: Bool { entries.isEmpty }

    mutating func push(_ entry: UInt64) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                if heap[parent] <= entry { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = entry
        }
    }

    mutating func popMin() -> UInt64? {
        guard let lastEntry = entries.popLast() else { return nil }
        if entries.isEmpty { return lastEntry }
        return entries.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            let count = heap.count
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
                if lastEntry <= heap[child] { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = lastEntry
            return top
        }
    }
}
