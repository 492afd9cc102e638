import ZonegriseCore
import ZonegriseNative

/// The analysed communes simplified once per run for every map (GEOS topology-preserving
/// simplification at the map's tolerance, `MapFrame.toleranceMetres`: half a viewBox
/// unit, about 65 m for a 130 km wide département) and turned into path data.
enum SimplifiedCommunes {
    /// The frame of the analysed communes and the renderer of the run's maps.
    /// - Complexity: O(v log v) for v vertices, split over the cores (one GEOS context
    ///   per chunk). Measured on Pas-de-Calais (890 communes): see docs/OUTPUTS.md.
    static func renderer(for outputs: AnalysisOutputs) async throws -> MapRenderer {
        let communes = outputs.result.communes
        let shapes = communes.map { outputs.territory.shapes[$0.code] ?? MultiPolygon(polygons: []) }
        var box: BoundingBox?
        for shape in shapes {
            guard let bounds = shape.bounds else { continue }
            if box == nil { box = bounds } else {
                box!.include(PlanarPoint(x: bounds.minX, y: bounds.minY))
                box!.include(PlanarPoint(x: bounds.maxX, y: bounds.maxY))
            }
        }
        let frame = MapFrame(bounds: box ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let count = shapes.count
        let chunkCount = max(1, min(count / 100, 2 * Concurrency.cores))
        let tolerance = frame.toleranceMetres
        let paths = try await Concurrency.map(0 ..< chunkCount) { chunk -> [String] in
            let engine = GeometryEngine()
            return (count * chunk / chunkCount ..< count * (chunk + 1) / chunkCount).map { i in
                SVGPathData.text(engine.simplifiedForMap(shapes[i], toleranceMetres: tolerance), frame: frame)
            }
        }.flatMap { $0 }
        return MapRenderer(frame: frame, codes: communes.map(\.code), communePaths: paths,
                           palette: MapPalette(bandCount: outputs.result.parameters.bands.limitsMinutes.count + 1))
    }
}
