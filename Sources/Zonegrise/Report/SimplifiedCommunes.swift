import ZonegriseCore
import ZonegriseNative

/// The analysed communes simplified once per run for every map (GEOS topology-preserving
/// simplification at the map's tolerance, `MapFrame.toleranceMetres`: half a viewBox
/// unit, about 65 m for a 130 km wide département) and turned into path data.
///
/// When the communes are a clean coverage (indexed by the run, `ResultPolygons.coverage`,
/// or here), they are simplified border by border: every border shared by two communes is one
/// chain, simplified once, and both communes are rebuilt from it, so that neighbours keep
/// one common boundary (no sliver, no gap, at any tolerance). A rebuilt commune that GEOS
/// finds invalid (a border crossing another after simplification) is simplified alone
/// instead, as are all communes when there is no clean coverage.
enum SimplifiedCommunes {
    /// The frame of the analysed communes and the renderer of the run's maps.
    /// - Complexity: O(v log v) for v vertices, split over the cores (one GEOS context
    ///   per chunk). Measured in release builds: see docs/OUTPUTS.md ("Maps").
    static func renderer(for outputs: AnalysisOutputs) async throws -> MapRenderer {
        if let renderer = outputs.mapRenderer { return renderer }
        return try await renderer(result: outputs.result, territory: outputs.territory, coverage: outputs.polygons.coverage)
    }

    /// The renderer of the maps of `result`, from `coverage` when it indexes the analysed
    /// communes (else from an edge index built here).
    static func renderer(result: AnalysisResult, territory: LoadedTerritory, coverage: CoverageEdges?) async throws -> MapRenderer {
        let codes = result.communes.map(\.code)
        let drawn = try await paths(codes: codes, territory: territory, coverage: coverage)
        return renderer(drawn, codes: codes, result: result)
    }

    /// The renderer of the maps of `result` from its communes' paths drawn already (by
    /// `paths`, for the same communes in the same order).
    static func renderer(_ drawn: MapPaths, codes: [String], result: AnalysisResult) -> MapRenderer {
        MapRenderer(frame: drawn.frame, codes: codes, communePaths: drawn.paths,
                    palette: MapPalette(bandCount: result.parameters.bands.limitsMinutes.count + 1))
    }

    /// The map frame of the communes `codes` and each one's simplified SVG path: all that
    /// the maps draw of the geometry, which depends on the shapes only (the run starts it
    /// as soon as the shapes are read, `CommuneGeometry`).
    struct MapPaths: Sendable {
        var frame: MapFrame
        var paths: [String]
    }

    /// The paths of the communes `codes`, from `coverage` when it indexes their shapes
    /// (else from an edge index built here).
    static func paths(codes: [String], territory: LoadedTerritory, coverage: CoverageEdges?) async throws -> MapPaths {
        try await paths(shapes: codes.map { territory.shapes[$0] ?? MultiPolygon(polygons: []) }, coverage: coverage)
    }

    static func paths(shapes: [MultiPolygon], coverage: CoverageEdges?) async throws -> MapPaths {
        var box: BoundingBox?
        for shape in shapes {
            guard let bounds = shape.bounds else { continue }
            if box == nil { box = bounds } else {
                box!.include(PlanarPoint(x: bounds.minX, y: bounds.minY))
                box!.include(PlanarPoint(x: bounds.maxX, y: bounds.maxY))
            }
        }
        let frame = MapFrame(bounds: box ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let tolerance = frame.toleranceMetres
        var simplified: [MultiPolygon?] = Array(repeating: nil, count: shapes.count)
        // The run's edge index when it built one for these communes (polygon outputs), else
        // one of our own (the server's page, a report without polygons): O(v), 0.3 s on France.
        let coverage = coverage.flatMap { $0.shapeCount == shapes.count ? $0 : nil } ?? CoverageEdges(shapes)
        do {
            simplified = try await bordersSimplified(coverage, toleranceMetres: tolerance) ?? simplified
        } catch {
            throw ZonegriseError.inconsistent(detail: "cannot simplify the commune borders for the maps: \(NativeError.reason(of: error))")
        }
        let paths = try await chunked(shapes.count) { [simplified] range in
            let engine = GeometryEngine()
            return range.map { i in
                SVGPathData.text(simplified[i] ?? engine.simplifiedForMap(shapes[i], toleranceMetres: tolerance), frame: frame)
            }
        }
        return MapPaths(frame: frame, paths: paths)
    }

    /// The shapes of `coverage` rebuilt from its simplified border chains, nil where no
    /// valid rebuilt shape was found (the caller simplifies that one alone); nil as a whole
    /// when the coverage has no chains (not clean).
    ///
    /// The chains are thinned first (`RadialDistanceThinning`, steps of at least the
    /// tolerance), then simplified. The chains of a shape found invalid (a border crossing
    /// another once simplified) are simplified again, unthinned, at a tenth of the
    /// tolerance, then left as they are, and the shapes
    /// walking them tested again: its neighbours keep the same border as it.
    /// - Complexity: O(v log v) for the v vertices of the chains (inner borders counted
    ///   once), chains and validity tests split over the cores; the retries touch only the
    ///   chains of invalid shapes (74 of 34,809 communes on metropolitan France).
    static func bordersSimplified(_ coverage: CoverageEdges, toleranceMetres: Double) async throws -> [MultiPolygon?]? {
        guard let chains = coverage.borderChains() else { return nil }
        // Vertices closer than the tolerance to the previous one kept go first (a radial
        // pre-pass): on France it halves what GEOS simplifies (1.18 M vertices to 0.54 M)
        // and the time it takes, and moves no border by more than the tolerance again.
        var lines = try await chunked(chains.chains.count) { range in
            let thinned = chains.chains[range].map { RadialDistanceThinning.thinned($0, minimumStepMetres: toleranceMetres) }
            return try GeometryEngine().simplifiedChains(thinned[...], toleranceMetres: toleranceMetres)
        }
        var shapes = coverage.shapes(rebuiltFrom: lines, chains: chains)
        let valid = try await chunked(shapes.count) { [shapes] range in
            let engine = GeometryEngine()
            return try range.map { i throws -> Bool in try !shapes[i].isEmpty && engine.isValid(shapes[i]) }
        }
        var invalid = Set(valid.indices.filter { !valid[$0] })
        guard !invalid.isEmpty else { return shapes }
        let shapesOfChains = coverage.shapesOfChains(chains)
        let engine = GeometryEngine()
        // Each retry keeps the lines of every chain not touching an invalid shape; the last
        // one restores the original chains, which rebuild the original (valid) shapes.
        for tolerance in [toleranceMetres / 10, 0] {
            let redo = Set(invalid.flatMap { coverage.chainIndices(ofShape: $0, chains: chains) }).sorted()
            for c in redo {
                lines[c] = tolerance > 0 ? try engine.simplifiedChains(chains.chains[c...c], toleranceMetres: tolerance)[0] : chains.chains[c]
            }
            let touched = Set(redo.flatMap { shapesOfChains[$0].map(Int.init) })
            invalid.subtract(touched)
            for s in touched.sorted() {
                shapes[s] = coverage.shape(s, rebuiltFrom: lines, chains: chains)
                if try shapes[s].isEmpty || !engine.isValid(shapes[s]) { invalid.insert(s) }
            }
            if invalid.isEmpty { break }
        }
        return shapes.indices.map { invalid.contains($0) ? nil : shapes[$0] }
    }

    /// `body` over `0 ..< count` cut into contiguous ranges (two per core, at least 100
    /// items each), run concurrently, results in order.
    static func chunked<Output: Sendable>(_ count: Int, _ body: @escaping @Sendable (Range<Int>) throws -> [Output]) async throws -> [Output] {
        let chunkCount = max(1, min(count / 100, 2 * Concurrency.cores))
        return try await Concurrency.map(0 ..< chunkCount) { chunk in
            try body(count * chunk / chunkCount ..< count * (chunk + 1) / chunkCount)
        }.flatMap { $0 }
    }
}
