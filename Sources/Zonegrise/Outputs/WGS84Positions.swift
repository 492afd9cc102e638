import ZonegriseCore
import ZonegriseNative

/// The WGS84 positions the analysed communes were read at, by Lambert-93 vertex, for the
/// GeoJSON writers of polygons dissolved from the communes (bands, sectors): their vertices
/// are commune vertices, so they are written at the positions read instead of being
/// projected back one by one (PROJ, about 0.3 µs per vertex: 0.5 s of CPU for the bands
/// of France).
///
/// Built once, on first use, and shared by the writers' tasks; empty when the communes
/// were not read in WGS84.
/// - Complexity: O(vertices of the analysed communes) once (France: 1.3 M distinct
///   vertices, about 0.1 s).
actor WGS84Positions {
    private let territory: LoadedTerritory
    private let codes: [String]
    private var built: PointTranslationTable?

    /// For the communes `codes` of `territory` (the analysed ones, in result order).
    init(territory: LoadedTerritory, codes: [String]) {
        self.territory = territory
        self.codes = codes
    }

    /// The table, built at the first call.
    func table() -> PointTranslationTable {
        if let built { return built }
        var table = PointTranslationTable(expected: territory.wgs84Shapes.isEmpty ? 0 : codes.count * 40)
        if !territory.wgs84Shapes.isEmpty {
            for code in codes {
                guard let read = territory.wgs84Shapes[code], let shape = territory.shapes[code] else { continue }
                table.insert(shape, at: read)
            }
        }
        built = table
        return table
    }
}

extension PointTranslationTable {
    /// `shape` (Lambert-93) in WGS84: each vertex at its recorded position, the others
    /// projected with `transformer` (one PROJ call per ring that has some).
    /// - Throws: `NativeError.proj` when PROJ cannot project a vertex.
    /// - Complexity: O(vertices) look-ups, plus 0.3 µs per vertex not found.
    func wgs84(_ shape: MultiPolygon, projecting transformer: CoordinateTransformer) throws -> MultiPolygon {
        var result = shape
        for p in shape.polygons.indices {
            for r in shape.polygons[p].rings.indices {
                let ring = shape.polygons[p].rings[r]
                var out = ring
                var missing: [Int] = []
                for (i, position) in positions(of: ring).enumerated() {
                    if let position { out[i] = position } else { missing.append(i) }
                }
                if !missing.isEmpty {
                    var projected = missing.map { ring[$0] }
                    try transformer.transform(&projected)
                    for (i, point) in zip(missing, projected) { out[i] = point }
                }
                result.polygons[p].rings[r] = out
            }
        }
        return result
    }
}
