/// A monotone priority queue on 32-bit keys (Ahuja, Mehlhorn, Orlin, Tarjan 1990,
/// "Faster algorithms for the shortest path problem"): bucket `i > 0` holds the keys
/// whose highest bit differing from the last key popped is bit `i − 1`; bucket 0 holds
/// keys equal to it. Keys pushed must not be below the last key popped.
///
/// Entries are `key << 32 | payload`, so the smallest entry has the smallest key.
/// - Complexity: push O(1); pop amortised O(log C), C the largest key.
struct RadixHeap {
    static let bucketCount = 33
    private(set) var buckets: [[UInt64]]
    private var spare: [UInt64] = []
    private var last: UInt32 = 0
    private(set) var count = 0

    /// Takes `buckets` (empty arrays, capacities kept from earlier runs) as storage.
    init(buckets: [[UInt64]]) {
        precondition(buckets.count == Self.bucketCount)
        self.buckets = buckets
    }

    private static func bucket(of key: UInt32, last: UInt32) -> Int {
        key == last ? 0 : 32 - (key ^ last).leadingZeroBitCount
    }

    mutating func push(key: UInt32, payload: UInt32) {
        buckets[Self.bucket(of: key, last: last)].append(UInt64(key) << 32 | UInt64(payload))
        count += 1
    }

    /// The entry with the smallest key, or nil when empty.
    mutating func popMin() -> UInt64? {
        guard count > 0 else { return nil }
        if buckets[0].isEmpty {
            var i = 1
            while buckets[i].isEmpty { i += 1 }
            swap(&spare, &buckets[i])
            var smallest = UInt64.max
            for entry in spare where entry < smallest { smallest = entry }
            last = UInt32(truncatingIfNeeded: smallest >> 32)
            // Every entry moves to a lower bucket: the redistribution pays for itself.
            for entry in spare { buckets[Self.bucket(of: UInt32(truncatingIfNeeded: entry >> 32), last: last)].append(entry) }
            spare.removeAll(keepingCapacity: true)
        }
        count -= 1
        return buckets[0].removeLast()
    }
}
