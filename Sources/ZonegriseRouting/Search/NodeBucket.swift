/// One bucket of the bucket queue: a growable array of node ids in raw memory, so that
/// appending costs no uniqueness check. Freed by `QueueBuffers`.
struct NodeBucket {
    private(set) var items: UnsafeMutablePointer<Int32>?
    private(set) var count = 0
    private(set) var capacity = 0

    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ node: Int32) {
        if count == capacity { grow() }
        items.unsafelyUnwrapped[count] = node
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Int32 { items.unsafelyUnwrapped[index] }

    /// Empties the bucket, keeping its memory.
    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let larger = max(64, 2 * capacity)
        let moved = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        if let items {
            moved.moveInitialize(from: items, count: count)
            items.deallocate()
        }
        items = moved
        capacity = larger
    }

    /// Frees the memory; the bucket must not be used afterwards.
    func deallocate() { items?.deallocate() }
}
