import ZonegriseCore
import ZonegriseNative

/// Dissolves the analysed communes into band areas (per gamme and band) and sectors
/// (contiguous communes grey for at least one gamme), through GEOS.
///
/// Every union runs in a task of its own with its own GEOS context, gathered in a fixed
/// order: the result does not depend on which finishes first.
/// - Complexity: one edge index of the analysed communes (`CoverageEdges`, O(v)), one
///   traced union per band and gamme (all analysed communes, three times) and one per
///   sector, holes placed by prepared point tests, plus the contiguity test of the grey
///   communes (shared edges from the index, then GEOS on the rest); split over the
///   cores. Measured in release builds on metropolitan France (34,800 communes): about
///   0.6 s of CPU with the band areas and sector shapes, 0.45 s without (`--outputs
///   tables`); it was 2.2 s with `GEOSPolygonize` placing the holes, 10 s with
///   `GEOSPolygonize` alone and 16 s with `GEOSCoverageUnion`.
public struct ResultPolygonsBuilder: Sendable {
    public var result: AnalysisResult
    public var territory: LoadedTerritory
    public var minimum: SectorMinimum
    /// False: the sectors' communes and figures only, with empty shapes, and no band
    /// areas (for runs that write no polygon).
    public var withShapes: Bool
    /// The edge index of the analysed communes' shapes in result order, when the caller
    /// built it already (the run shares it with the maps); built here otherwise.
    public var coverage: CoverageEdges?

    public init(result: AnalysisResult, territory: LoadedTerritory, minimum: SectorMinimum, withShapes: Bool = true,
                coverage: CoverageEdges? = nil) {
        self.result = result
        self.territory = territory
        self.minimum = minimum
        self.withShapes = withShapes
        self.coverage = coverage
    }

    /// The analysed communes' shapes, in result order.
    static func shapes(of result: AnalysisResult, territory: LoadedTerritory) -> [MultiPolygon] {
        result.communes.map { territory.shapes[$0.code]! }
    }

    public func build() async throws -> ResultPolygons {
        try await dissolved(grouped())
    }

    /// The grey communes grouped into numbered sectors, before any union: what
    /// `dissolved` finishes, and all that the tables read (`tables`).
    public struct Grouping: Sendable {
        /// The sectors numbered, with empty shapes, and no band areas: the same polygons
        /// as a builder without shapes gives (`--outputs tables`).
        public var tables: ResultPolygons
        var shapes: [MultiPolygon]
        var coverage: CoverageEdges
        /// Whether the communes form a clean coverage (the dissolves' fast path), checked
        /// beside the grouping; nil without shapes.
        var checked: Task<Bool, any Error>?
    }

    /// The contiguity grouping and the sectors' figures and numbers (no union yet); the
    /// coverage check the unions need starts beside it, in a task of its own.
    /// - Complexity: the contiguity test of the grey communes (shared edges from the
    ///   index, then GEOS on the rest); about 0.1 s on France.
    public func grouped() async throws -> Grouping {
        let shapes = Self.shapes(of: result, territory: territory)
        let coverage = self.coverage.flatMap { $0.shapeCount == shapes.count ? $0 : nil } ?? CoverageEdges(shapes)
        // The coverage check (one traced union of every commune) runs beside the grouping.
        let checked: Task<Bool, any Error>? = withShapes ? Task { [coverage] in
            do {
                return try GeometryEngine().isCleanCoverage(coverage)
            } catch {
                throw ZonegriseError.inconsistent(detail: "cannot check the commune polygons form a coverage: \(NativeError.reason(of: error))")
            }
        } : nil
        do {
            let grey = result.communes.indices.filter { result.greyGammeCounts[$0] > 0 }
            let groups = try contiguousGroups(of: grey, shapes: shapes, coverage: coverage)
            let (kept, small) = numbered(groups.map { sector(members: $0, shape: MultiPolygon(polygons: [])) })
            return Grouping(tables: ResultPolygons(bands: [:], sectors: kept, smallSectors: small), shapes: shapes, coverage: coverage,
                            checked: checked)
        } catch {
            checked?.cancel()
            throw error
        }
    }

    /// `grouping`'s sectors with their shapes, and the band areas (for a builder with
    /// shapes; `grouping.tables` otherwise). Every union runs in a task of its own.
    public func dissolved(_ grouping: Grouping) async throws -> ResultPolygons {
        guard withShapes, let checked = grouping.checked else { return grouping.tables }
        let verified = try await checked.value
        let (shapes, coverage) = (grouping.shapes, grouping.coverage)
        // One job per band area and per sector, dissolved concurrently.
        var bandJobs: [(gamme: Gamme, band: Int, members: [Int])] = []
        for gamme in Gamme.allCases {
            var byBand: [Int: [Int]] = [:]
            for (i, access) in result.access[gamme]!.enumerated() { byBand[access.band, default: []].append(i) }
            for band in byBand.keys.sorted() { bandJobs.append((gamme, band, byBand[band]!)) }
        }
        let sectors = grouping.tables.allSectors
        let jobs = bandJobs.map(\.members) + sectors.map(\.communeIndices)
        let dissolved = try await Concurrency.map(jobs) { members -> MultiPolygon in
            let engine = GeometryEngine()
            do {
                return try engine.dissolve(members, of: coverage, shapes: shapes, verified: verified)
            } catch {
                throw ZonegriseError.inconsistent(detail: "cannot merge the polygons of communes \(members.prefix(3).map { result.communes[$0].code }.joined(separator: ", "))\(members.count > 3 ? ", …" : ""): \(NativeError.reason(of: error))")
            }
        }

        var bands: [Gamme: [BandArea]] = [:]
        for (job, shape) in zip(bandJobs, dissolved) {
            bands[job.gamme, default: []].append(BandArea(
                gamme: job.gamme, band: job.band, label: result.parameters.bands.label(job.band), communes: job.members.count,
                population: job.members.reduce(0) { $0 + result.communes[$1].population }, shape: shape))
        }
        var shaped = sectors
        for (i, shape) in zip(shaped.indices, dissolved.suffix(sectors.count)) { shaped[i].shape = shape }
        let keptCount = grouping.tables.sectors.count
        return ResultPolygons(bands: bands, sectors: Array(shaped.prefix(keptCount)), smallSectors: Array(shaped.dropFirst(keptCount)),
                              coverage: coverage)
    }

    /// The groups of contiguous grey communes, as indexes into `result.communes`.
    func contiguousGroups(of grey: [Int], shapes: [MultiPolygon], coverage: CoverageEdges) throws -> [[Int]] {
        let pairs: [IndexPair]
        let sharing = coverage.isClean ? Set(coverage.sharedEdgePairs(among: grey).map { IndexPair($0.0, $0.1) }) : nil
        do {
            pairs = try GeometryEngine().sharedBoundaryPairs(grey.map { shapes[$0] }, sharingAnEdge: sharing)
        } catch {
            throw ZonegriseError.inconsistent(detail: "cannot find which communes in zone grise are contiguous: \(NativeError.reason(of: error))")
        }
        return ContiguousGroups.groups(count: grey.count, edges: pairs.map { ($0.first, $0.second) })
            .map { group in group.map { grey[$0] }.sorted { result.communes[$0].code < result.communes[$1].code } }
    }

    /// A sector's figures, before numbering.
    func sector(members: [Int], shape: MultiPolygon) -> Sector {
        let population = members.reduce(0) { $0 + result.communes[$1].population }
        let lacking = Gamme.allCases.filter { g in members.contains { result.access[g]![$0].isBeyond } }
        var nearest: [Gamme: [String]] = [:]
        for gamme in lacking {
            var counts: [String: Int] = [:]
            for i in members where result.access[gamme]![i].isBeyond {
                if let pole = result.access[gamme]![i].target { counts[pole, default: 0] += 1 }
            }
            nearest[gamme] = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
        var subdivisions = Set<String>()
        for scheme in territory.input.subdivisions {
            for i in members {
                subdivisions.insert(scheme.name + ":" + (scheme.subdivisionOfCommune[result.communes[i].code] ?? SubdivisionScheme.unassigned))
            }
        }
        let code = String(Gamme.allCases.map { lacking.contains($0) ? $0.letter : "-" })
        return Sector(number: 0, communeIndices: members, population: population, lackingGammes: lacking, code: code,
                      nearestPoles: nearest, subdivisions: subdivisions.sorted(), shape: shape,
                      isBelowMinimum: members.count < minimum.communes || population < minimum.population)
    }

    /// Largest population first (ties: the smallest commune code), kept sectors then
    /// small ones, numbered from 1 in that order.
    func numbered(_ sectors: [Sector]) -> (kept: [Sector], small: [Sector]) {
        // Members are sorted by code, so the first is the smallest code.
        func ordered(_ list: [Sector]) -> [Sector] {
            list.sorted { a, b in
                a.population != b.population ? a.population > b.population
                    : result.communes[a.communeIndices[0]].code < result.communes[b.communeIndices[0]].code
            }
        }
        var kept = ordered(sectors.filter { !$0.isBelowMinimum })
        var small = ordered(sectors.filter(\.isBelowMinimum))
        for i in kept.indices { kept[i].number = i + 1 }
        for i in small.indices { small[i].number = kept.count + i + 1 }
        return (kept, small)
    }
}

/// The manifest's minimum sector size (`sectors.min_communes`, `sectors.min_population`):
/// a sector with fewer communes or fewer inhabitants is listed apart. The default keeps
/// every sector, small isolated grey communes included.
public struct SectorMinimum: Hashable, Sendable {
    public var communes: Int
    public var population: Int

    public init(communes: Int = 1, population: Int = 0) {
        self.communes = communes
        self.population = population
    }
}
