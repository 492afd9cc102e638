import CGEOS
import ZonegriseCore

/// Simplifying a coverage (commune polygons) for maps, border by border.
extension GeometryEngine {
    /// Each of `chains` (border chains of a coverage, `CoverageEdges.borderChains`)
    /// simplified alone by GEOS's topology-preserving simplification: the line keeps its
    /// two ends (the nodes where borders meet) and does not cross itself. Lines of
    /// different chains are not checked against each other: the caller tests the shapes
    /// rebuilt from them (`isValid`) and simplifies an invalid one alone.
    /// - Throws: `NativeError.geos` when GEOS fails or moves an end.
    /// - Complexity: O(v log v) per chain of v vertices, one GEOS line each (batches of
    ///   8, 32 and 128 chains per GEOS call, which would also check chains against each
    ///   other, cost 1.3, 1.7 and 2.1 times as much on France); measured in
    ///   release builds on metropolitan France (104,900 chains, about 1.6 M vertices):
    ///   see `SimplifiedCommunes`.
    package func simplifiedChains(_ chains: ArraySlice<[PlanarPoint]>, toleranceMetres: Double) throws(NativeError) -> [[PlanarPoint]] {
        let operation = "simplify the commune borders"
        var out: [[PlanarPoint]] = []
        out.reserveCapacity(chains.count)
        for chain in chains {
            // Two points cannot be simplified further.
            guard chain.count > 2 else {
                out.append(chain)
                continue
            }
            // Copies the doubles; owned by the line made from it. Null on exception.
            guard let sequence = PlanarPointBuffer.withDoubles(of: chain, { GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(chain.count), 0, 0) }) else {
                throw context.error(operation)
            }
            guard let line = GEOSGeom_createLineString_r(context.handle, sequence) else {
                GEOSCoordSeq_destroy_r(context.handle, sequence)
                throw context.error(operation)
            }
            defer { context.destroy(line) }
            // New geometry, null on exception.
            guard let simplified = GEOSTopologyPreserveSimplify_r(context.handle, line, toleranceMetres) else {
                throw context.error(operation)
            }
            defer { context.destroy(simplified) }
            let points = try context.ring(from: simplified, operation: operation)
            guard points.count >= 2, points.first == chain.first, points.last == chain.last else {
                throw .geos(operation: operation, message: "GEOS moved the ends of a border")
            }
            out.append(points)
        }
        return out
    }
}
