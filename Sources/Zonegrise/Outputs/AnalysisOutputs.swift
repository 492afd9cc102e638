import ZonegriseCore
import ZonegriseNative

/// One run's result and what it was made from, with the row schema of every output
/// (the output contract of docs/OUTPUTS.md): what every `OutputWriter` reads. Pure
/// formatting: no file is touched here.
public struct AnalysisOutputs: Sendable {
    public let result: AnalysisResult
    public let territory: LoadedTerritory
    /// The warnings of the run, in order.
    public let warnings: [RunWarning]
    /// `zonegrise compare`: each scenario evaluated against `result` (the base), in the
    /// order given; empty for `analyse`.
    public let comparisons: [ScenarioOutcome]
    /// `zonegrise recommend`: the sites chosen (its scenario is `comparisons[0]`).
    public let recommendation: Recommendation?
    /// The band areas and sectors dissolved from the communes (GEOS), computed once per
    /// run before the writers.
    public let polygons: ResultPolygons
    /// The sector (`S001`…) of each analysed commune, by index into `result.communes`;
    /// nil for communes in no sector (grey for no gamme).
    public let sectorIds: [String?]
    /// `analyse --sensitivite`: the classification under each variant, which adds
    /// `zone_grise_G_robuste` to the commune rows and ranges to `zones_grises.csv`.
    public let sensitivity: SensitivityResult?
    /// The run manifest's data (inputs with checksums, parameters, time model), set by
    /// `AnalysisRun.write` for the report's provenance; nil for outputs made by hand.
    var provenance: RunProvenance?
    /// The analysed communes' WGS84 positions as read, for the polygon writers.
    let wgs84Positions: WGS84Positions
    /// The maps' simplified communes, when the run drew them while the polygons were
    /// dissolved (`AnalysisRun.shapes`); nil: the report draws them itself.
    var mapRenderer: MapRenderer?

    public init(result: AnalysisResult, territory: LoadedTerritory, warnings: [RunWarning] = [], comparisons: [ScenarioOutcome] = [],
                recommendation: Recommendation? = nil, polygons: ResultPolygons = .empty, sensitivity: SensitivityResult? = nil) {
        self.result = result
        self.sensitivity = sensitivity
        self.polygons = polygons
        var ids = [String?](repeating: nil, count: result.communes.count)
        for sector in polygons.allSectors { for i in sector.communeIndices { ids[i] = sector.id } }
        sectorIds = ids
        self.territory = territory
        wgs84Positions = WGS84Positions(territory: territory, codes: result.communes.map(\.code))
        self.warnings = warnings
        self.comparisons = comparisons
        self.recommendation = recommendation
    }

    /// These outputs with `polygons` instead (the same sectors with their shapes, and the
    /// band areas, dissolved while the tables were written).
    func with(polygons: ResultPolygons) -> AnalysisOutputs {
        var copy = AnalysisOutputs(result: result, territory: territory, warnings: warnings, comparisons: comparisons,
                                   recommendation: recommendation, polygons: polygons, sensitivity: sensitivity)
        copy.provenance = provenance
        copy.mapRenderer = mapRenderer
        return copy
    }

    /// `derivees` when no gamme table was given (docs/GAMMES.md), `table` otherwise:
    /// written in every output, as the choice moves results more than any other.
    /// The command whose outputs these are: `recommend` with a recommendation, `compare`
    /// with scenarios, `analyse` otherwise.
    var commandName: String { recommendation != nil ? "recommend" : comparisons.isEmpty ? "analyse" : "compare" }

    var gammesSource: String { territory.input.gammes.isDerived ? "derivees" : "table" }

    /// The `zonegrise` foreign member of the GeoJSON outputs.
    var metadata: [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = [("version", .string(ZonegriseVersion.current)), ("source_gammes", .string(gammesSource))]
        if let derivation = territory.input.gammes.derivation { members.append(("regle_gammes", .string(derivation.rule))) }
        return members
    }

    static let timeDecimals = 2
    static let shareDecimals = 2

    /// Property names and values of one analysed commune, in contract order.
    func properties(_ i: Int) -> [(String, JSONOutput)] {
        let commune = result.communes[i]
        var props: [(String, JSONOutput)] = [
            ("code", .string(commune.code)), ("nom", .string(commune.nom)), ("population", .int(commune.population)),
            ("niveau_pole", .string(result.poleLevels[i].rawValue)),
        ]
        for gamme in Gamme.allCases {
            let access = result.access[gamme]![i]
            let g = gamme.rawValue
            props += [
                ("temps_" + g, .optionalNumber(access.minutes, decimals: Self.timeDecimals)),
                ("pole_" + g, access.target.map(JSONOutput.string) ?? .null),
                ("bande_" + g, .string(result.parameters.bands.label(access.band))),
                ("zone_grise_" + g, .bool(access.isBeyond)),
            ]
            if let sensitivity { props.append(("zone_grise_\(g)_robuste", .string(sensitivity.robustness[gamme]![i].rawValue))) }
        }
        props += [("nb_gammes_grises", .int(result.greyGammeCounts[i])), ("code_enjeux", .string(result.codesEnjeux[i])),
                  ("secteur", sectorIds[i].map(JSONOutput.string) ?? .null), ("source_gammes", .string(gammesSource))]
        for (layer, rows) in zip(result.layers, result.layerAccess) {
            let access = rows[i]
            props += [
                ("temps_" + layer.name, .optionalNumber(access.minutes, decimals: Self.timeDecimals)),
                ("site_" + layer.name, access.target.map(JSONOutput.string) ?? .null),
                ("hors_seuil_" + layer.name, .bool(access.isBeyond)),
            ]
        }
        return props
    }

    /// The columns of commune `i` as `resultats.gpkg` stores them (`GeoPackageOutput`):
    /// reals rounded to the decimals `communes.csv` prints.
    func vectorProperties(_ i: Int) -> [(String, VectorValue)] { Self.vectorValues(properties(i)) }

    /// Output values as GeoPackage field values: numbers rounded as in the CSV files.
    static func vectorValues(_ properties: [(String, JSONOutput)]) -> [(String, VectorValue)] {
        properties.map { name, value in
            switch value {
            case .null: return (name, .null)
            case let .bool(b): return (name, .boolean(b))
            case let .int(n): return (name, .integer(n))
            case let .number(x, decimals): return (name, .real(Double(DecimalText.format(x, decimals: decimals)) ?? x))
            case let .string(s): return (name, .string(s))
            case .array, .object: return (name, .string(value.text(pretty: false)))
            }
        }
    }

    /// Communes are projected and formatted in concurrent chunks (one PROJ context
    /// each), joined in order: the same bytes as one pass.
    /// - Complexity: O(vertices + communes × columns), split over the cores.
    func communesGeoJSON() async throws -> [UInt8] {
        let count = result.communes.count
        let chunkCount = max(1, min(count / 500, 2 * Concurrency.cores))
        let fragments = try await Concurrency.map(0 ..< chunkCount) { chunk -> [UInt8] in
            let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
            var writer = GeoJSONWriter(fragmentFirst: chunk == 0)
            for i in count * chunk / chunkCount ..< count * (chunk + 1) / chunkCount {
                let shape = try territory.wgs84Shape(of: result.communes[i].code, using: toWGS84)
                writer.addFeature(properties: properties(i), shape: shape)
            }
            return writer.fragmentBytes
        }
        return GeoJSONWriter.document(metadata: metadata, fragments: fragments)
    }

    func communesCSV() -> [UInt8] {
        guard !result.communes.isEmpty else { return [] }
        let header = properties(0).map(\.0)
        var writer = CSVWriter(header: header)
        for i in result.communes.indices {
            writer.addRow(properties(i).map { Self.csvText($0.1) })
        }
        return writer.bytes()
    }

    static func csvText(_ value: JSONOutput) -> String {
        switch value {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .int(n): return String(n)
        case let .number(x, decimals): return DecimalText.format(x, decimals: decimals)
        case let .string(s): return s
        case .array, .object: return value.text(pretty: false)
        }
    }

    func polesGeoJSON() throws -> [UInt8] {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        var writer = GeoJSONWriter(metadata: metadata)
        for pole in result.poles {
            writer.addFeature(properties: [
                ("code", .string(pole.code)), ("nom", .string(pole.nom)), ("niveau_pole", .string(pole.level.rawValue)),
                ("gammes", .string(pole.servedGammes.map(\.rawValue).joined(separator: ","))),
                ("zone_analyse", .bool(pole.inAnalysisArea)),
            ], point: try toWGS84.transform(pole.centre))
        }
        return writer.bytes()
    }

    func summaryRow(_ row: ZoneGriseSummary) -> [String] {
        [row.name, BandScheme.text(row.thresholdMinutes), String(row.communes), String(row.population),
         DecimalText.format(row.populationSharePercent, decimals: Self.shareDecimals)]
    }

    /// The range columns `--sensitivite` adds to `zones_grises.csv`, after the figures.
    static let rangeColumns = ["communes_min", "communes_max", "population_min", "population_max",
                               "part_population_pct_min", "part_population_pct_max"]

    func rangeRow(_ range: SummaryRange) -> [String] {
        [String(range.communes.lowerBound), String(range.communes.upperBound),
         String(range.population.lowerBound), String(range.population.upperBound),
         DecimalText.format(range.populationSharePercent.lowerBound, decimals: Self.shareDecimals),
         DecimalText.format(range.populationSharePercent.upperBound, decimals: Self.shareDecimals)]
    }

    func zonesGrisesCSV() -> [UInt8] {
        let ranges = sensitivity?.ranges
        var writer = CSVWriter(header: ["gamme", "seuil_minutes", "communes", "population", "part_population_pct"]
            + (ranges == nil ? [] : Self.rangeColumns) + ["source_gammes"])
        for (index, row) in result.summaries.enumerated() {
            writer.addRow(summaryRow(row) + (ranges.map { rangeRow($0[index]) } ?? []) + [gammesSource])
        }
        return writer.bytes()
    }

    func subdivisionsCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["subdivision", "code", "nom", "gamme", "seuil_minutes", "communes", "population",
                                        "part_population_pct", "communes_total", "population_totale", "source_gammes"])
        for row in result.subdivisionSummaries {
            writer.addRow([row.scheme, row.code, row.nom] + summaryRow(row.summary)
                + [String(row.summary.totalCommunes), String(row.summary.totalPopulation), gammesSource])
        }
        return writer.bytes()
    }

    func gammesCSV() -> [UInt8] { GammeTableCSV.bytes(territory.input.gammes) }
}
