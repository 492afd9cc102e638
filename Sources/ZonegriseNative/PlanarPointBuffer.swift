import ZonegriseCore

/// The one place that reinterprets `[PlanarPoint]` storage as interleaved doubles
/// (x0, y0, x1, y1, …), the layout GEOS coordinate buffers and PROJ strided arrays use.
///
/// `PlanarPoint` is a struct of two `Double`s (`x` then `y`), stride 16: the checks in
/// `layoutIsInterleaved` are evaluated once and guard every use.
enum PlanarPointBuffer {
    static let layoutIsInterleaved: Bool =
        MemoryLayout<PlanarPoint>.size == 2 * MemoryLayout<Double>.stride
            && MemoryLayout<PlanarPoint>.stride == 2 * MemoryLayout<Double>.stride
            && MemoryLayout<PlanarPoint>.offset(of: \PlanarPoint.x) == 0
            && MemoryLayout<PlanarPoint>.offset(of: \PlanarPoint.y) == MemoryLayout<Double>.stride

    /// Byte distance between consecutive points, for PROJ's strided API.
    static let strideInBytes = MemoryLayout<PlanarPoint>.stride

    /// Calls `body` with the points viewed as `2 * points.count` doubles.
    /// - Complexity: O(1), no copy.
    static func withDoubles<R, E: Error>(
        of points: [PlanarPoint],
        _ body: (UnsafeBufferPointer<Double>) throws(E) -> R
    ) throws(E) -> R {
        precondition(layoutIsInterleaved, "PlanarPoint is no longer two interleaved Doubles")
        return try points.withUnsafeBufferPointer { (buffer) throws(E) -> R in
            try buffer.withMemoryRebound(to: Double.self) { (doubles) throws(E) -> R in try body(doubles) }
        }
    }

    /// Calls `body` with the points viewed as `2 * points.count` mutable doubles.
    /// - Complexity: O(1), no copy (unless the array storage is shared).
    static func withMutableDoubles<R, E: Error>(
        of points: inout [PlanarPoint],
        _ body: (UnsafeMutableBufferPointer<Double>) throws(E) -> R
    ) throws(E) -> R {
        precondition(layoutIsInterleaved, "PlanarPoint is no longer two interleaved Doubles")
        return try points.withUnsafeMutableBufferPointer { (buffer) throws(E) -> R in
            try buffer.withMemoryRebound(to: Double.self) { (doubles) throws(E) -> R in try body(doubles) }
        }
    }

    /// Makes `count` points whose `2 * count` doubles are written by `fill`, or nil when
    /// `fill` reports failure. `fill` must write every double when it returns true.
    /// - Complexity: O(count) to allocate, plus whatever `fill` costs.
    static func makePoints(count: Int, _ fill: (UnsafeMutableBufferPointer<Double>) -> Bool) -> [PlanarPoint]? {
        precondition(layoutIsInterleaved, "PlanarPoint is no longer two interleaved Doubles")
        var succeeded = false
        let points = [PlanarPoint](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // PlanarPoint and Double are trivial types: rebinding uninitialised memory is fine.
            succeeded = buffer.withMemoryRebound(to: Double.self) { fill($0) }
            initializedCount = succeeded ? count : 0
        }
        return succeeded ? points : nil
    }
}
