import CGEOS

/// A GEOS STRtree over the envelopes of geometries, answering "which envelopes meet this
/// geometry's envelope" with positions in the original array.
///
/// Items are stored as `index + 1` in the tree's `void*` slot, so no Swift object is
/// referenced from C. Built lazily by GEOS on the first query; no insertion afterwards.
final class EnvelopeTree {
    private let context: GEOSContext
    private let tree: OpaquePointer

    /// Indexes `geometries` (empty ones are left out: they can meet nothing).
    /// The geometries are only read during this call.
    /// - Complexity: O(n) here, O(n log n) at the first query, for n geometries.
    init(context: GEOSContext, geometries: [OpaquePointer], operation: String) throws(NativeError) {
        // Null on exception. 10 is the GEOS default node capacity.
        guard let tree = GEOSSTRtree_create_r(context.handle, 10) else { throw context.error(operation) }
        self.context = context
        self.tree = tree
        for (index, geometry) in geometries.enumerated() {
            if try context.isEmpty(geometry, operation: operation) { continue }
            // Copies the envelope; reports failures only through the error handler.
            GEOSSTRtree_insert_r(context.handle, tree, geometry, UnsafeMutableRawPointer(bitPattern: index + 1))
            if context.lastErrorMessage != nil { throw context.error(operation) }
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Appends to `candidates` the index of every geometry whose envelope intersects the
    /// envelope of `geometry`, in no particular order.
    /// - Complexity: O(log n + k) for k results.
    func query(_ geometry: OpaquePointer, into candidates: inout [Int]) {
        withUnsafeMutablePointer(to: &candidates) { list in
            GEOSSTRtree_query_r(
                context.handle, tree, geometry,
                { item, userData in
                    guard let userData else { return }
                    let list = userData.assumingMemoryBound(to: [Int].self)
                    list.pointee.append(Int(bitPattern: item) - 1)
                },
                list)
        }
    }
}
