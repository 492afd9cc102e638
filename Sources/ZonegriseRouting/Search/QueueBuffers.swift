/// The working memory of the priority queues of `MultiSourceSearch`, kept between runs.
///
/// Owned by one search (copies of a search allocate their own before running), so the
/// raw memory is never shared between threads.
final class QueueBuffers: @unchecked Sendable {
    /// Bucket queue: the buckets, all empty between runs.
    private(set) var buckets: UnsafeMutablePointer<NodeBucket>
    private(set) var bucketCapacity: Int
    /// Radix heap: entries `key << 32 | node` per bucket (empty between runs).
    var radixBuckets: [[UInt64]] = Array(repeating: [], count: RadixHeap.bucketCount)
    /// Binary heap: entries `key << 32 | node` (empty between runs).
    var heap: [UInt64] = []

    init() {
        bucketCapacity = 0
        buckets = .allocate(capacity: 1)
    }

    deinit {
        for b in 0 ..< bucketCapacity { buckets[b].deallocate() }
        buckets.deinitialize(count: bucketCapacity)
        buckets.deallocate()
    }

    /// Makes room for `count` buckets (new ones are empty).
    /// - Complexity: O(count) when it grows, O(1) otherwise.
    func reserveBuckets(_ count: Int) {
        guard count > bucketCapacity else { return }
        let larger = UnsafeMutablePointer<NodeBucket>.allocate(capacity: count)
        larger.moveInitialize(from: buckets, count: bucketCapacity)
        (larger + bucketCapacity).initialize(repeating: NodeBucket(), count: count - bucketCapacity)
        buckets.deallocate()
        buckets = larger
        bucketCapacity = count
    }
}
