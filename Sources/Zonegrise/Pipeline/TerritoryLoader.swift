import Foundation
import ZonegriseCore
import ZonegriseNative

/// Reads every input named by a configuration and builds the analysis input.
///
/// Stages are timed; warnings (repaired polygons, skipped rows) are collected. Errors
/// name the file, the line or feature, and what is wrong.
public struct TerritoryLoader {
    public var configuration: AnalysisConfiguration
    public let warnings: Warnings
    /// Called once with every commune's final shape (Lambert-93, repaired, fusions
    /// united), as soon as the polygons are read and before the national rows are
    /// matched: the run starts the work that needs the shapes only (`CommuneGeometry`).
    var shapesRead: (@Sendable ([String: MultiPolygon]) -> Void)?

    public init(configuration: AnalysisConfiguration, warnings: Warnings = Warnings()) {
        self.configuration = configuration
        self.warnings = warnings
    }

    /// Reads everything. The national files (populations, then the equipment, the
    /// largest input, in parts over the cores) are parsed and the gammes derived from
    /// them while the commune files are read, projected and summarised; the rows are
    /// matched to the communes afterwards. What the stages report is gathered in the
    /// order of a one-pass read, so that the first problem named and the warnings are
    /// the same. Inputs that are not UTF-8 and declare no `encoding` are read as
    /// Windows-1252 with a warning each, after the others, in input order.
    public func load(timings: inout StageTimings) async throws -> LoadedTerritory {
        let log = InputEncodingLog(declared: configuration.declaredEncodings)
        var measured = timings
        var territory = try await log.run { try await read(timings: &measured) }
        timings = measured
        for warning in log.warnings(inOrder: territory.files.map(\.path)) { warnings.add(warning) }
        territory.encodings = log.encodingNames
        return territory
    }

    private func read(timings: inout StageTimings) async throws -> LoadedTerritory {
        let config = configuration
        guard !config.analysisArea.isEmpty else {
            throw ZonegriseError.invalidParameter(source: config.manifestPath ?? "manifest", key: "analysis_area", detail: "name at least one département")
        }
        let departements = Set(config.loadedDepartements)
        let engine = GeometryEngine()
        var counts: [(String, Int)] = []
        var files: [(String, String, String?)] = config.communes.files.map { ("communes", $0, config.communes.resolvedVintage) }

        // National rows and derived gammes, meanwhile (matched to the communes below).
        async let nationalInputs = Self.readNational(config, progress: timings.progress)

        // Polygons, with the fusions of the COG when it is given.
        var cog: CogReader.Registry?
        if let path = config.communes.cogFile {
            files.append(("cog", path, InputFile.year(in: path)))
            cog = try timings.measure("read cog") { try CogReader(file: path).read() }
        }
        let read = try await timings.measureReporting("read communes") { stage in
            try await CommuneReader(source: config.communes, departements: departements, engine: engine, warnings: warnings,
                                    cog: cog, progress: stage).read()
        }
        if read.fused.count <= 5 {
            for (old, new) in read.fused {
                warnings.add(RunWarning(.communeMerged, count: 1, examples: [old],
                                        message: "commune \(old) merged into \(new) (communes.fusions): polygons united"))
            }
        } else {
            // One sentence for a long declared list (France: 60), as for the COG's.
            let first = read.fused.prefix(5).map { "\($0.0) into \($0.1)" }
            warnings.add(RunWarning(.communeMerged, count: read.fused.count, examples: read.fused.prefix(5).map(\.0),
                                    message: "\(read.fused.count) communes merged as communes.fusions declares (first: \(first.joined(separator: ", "))): polygons united"))
        }
        if let path = config.communes.cogFile {
            if !read.fusedFromCOG.isEmpty {
                let first = read.fusedFromCOG.prefix(5).map { "\($0.0) into \($0.1)" }
                warnings.add(RunWarning(.communesMergedByCOG, file: path, count: read.fusedFromCOG.count, examples: read.fusedFromCOG.prefix(5).map(\.0),
                                        message: "\(read.fusedFromCOG.count) commune(s) of the geometry merged into the commune nouvelle they belong to, as the COG \(path) gives them (communes déléguées or associées; first: \(first.joined(separator: ", "))): polygons united, rows summed"))
            }
            counts.append(("communes_merged_by_cog", read.fusedFromCOG.count))
        }
        // One pass over the communes (not one per département: 96 × 34,800 code cuts on France, 0.6 s).
        let departementsRead = Set(read.shapes.map { Commune.departement(ofCode: $0.code) })
        for departement in config.analysisArea where !departementsRead.contains(departement) {
            throw ZonegriseError.inconsistent(detail: "no commune of département \(departement) (analysis_area) in the commune files \(config.communes.files.joined(separator: ", "))")
        }

        // Validity, centres, areas.
        var shapes: [String: MultiPolygon] = [:]
        var wgs84Shapes: [String: MultiPolygon] = [:]
        var centres: [String: PlanarPoint] = [:]
        var areas: [String: Double] = [:]
        let summaries = try await timings.measureReporting("repair polygons, centres", totalUnits: read.shapes.count) { stage in
            try await Self.summarize(read.shapes, progress: stage)
        }
        try timings.measure("centres") {
            var repaired: [String] = []
            for (commune, summary) in zip(read.shapes, summaries) {
                if let fixed = summary.repaired {
                    repaired.append("\(commune.code) (\(summary.invalidityReason ?? "invalid"))")
                    shapes[commune.code] = fixed
                } else {
                    shapes[commune.code] = commune.shape
                    wgs84Shapes[commune.code] = commune.wgs84
                }
                centres[commune.code] = summary.pointOnSurface
                areas[commune.code] = summary.area
            }
            if !repaired.isEmpty {
                warnings.add(RunWarning(.polygonsRepaired, count: repaired.count, examples: Array(repaired.prefix(5)),
                                        message: "\(repaired.count) invalid commune polygon(s) repaired with GEOS make-valid: \(repaired.prefix(5).joined(separator: "; "))\(repaired.count > 5 ? "; …" : "")"))
            }
            counts.append(("communes_repaired", repaired.count))
            if let path = config.communes.centres {
                files.append(("centres", path, InputFile.year(in: path)))
                let given = try CentresReader(file: path).read()
                var used = 0
                for (code, point) in given where centres[read.fusions[code] ?? code] != nil {
                    centres[read.fusions[code] ?? code] = point
                    used += 1
                }
                counts.append(("centres_supplied", used))
            }
        }
        shapesRead?(shapes)
        let codes = CommuneCodes(known: Set(shapes.keys), departements: departements, fusions: read.fusions)

        // Populations.
        files.append(("populations", config.populations.path, config.populations.resolvedVintage))
        let national = await nationalInputs
        timings.append(national.timings)
        let populations = try timings.measure("match populations") { try national.populations.get().match(codes) }
        try check(populations.unmatched.map { ($0.code, $0.line) }, file: config.populations.path, what: "population row",
                  extra: " (\(populations.unmatched.reduce(0) { $0 + $1.population }) inhabitants)")
        if populations.arrondissementRowsIgnored > 0 {
            warnings.add(RunWarning(.arrondissementRowsIgnored, file: config.populations.path, count: populations.arrondissementRowsIgnored,
                                    message: "\(config.populations.path): \(populations.arrondissementRowsIgnored) municipal arrondissement row(s) of Paris, Lyon or Marseille ignored: the whole commune has its own row"))
        }
        let withoutPopulation = read.shapes.map(\.code).filter { populations.byCommune[$0] == nil && departements.contains(Commune.departement(ofCode: $0)) }
        if !withoutPopulation.isEmpty {
            let unplaced = Set(read.unplacedByCOG)
            let hint = config.communes.cogFile == nil
                ? "if they merged since the geometry's vintage, name INSEE's COG in communes.cog_file or list them in communes.fusions"
                : "\(withoutPopulation.filter(unplaced.contains).count) of them are not communes in the COG, which cannot place them: if they merged since the geometry's vintage, list them in communes.fusions"
            warnings.add(RunWarning(.communesWithoutPopulation, file: config.populations.path, count: withoutPopulation.count,
                                    examples: Array(withoutPopulation.prefix(5)),
                                    message: "\(withoutPopulation.count) commune(s) of the geometry have no population row and count 0 inhabitants (first: \(withoutPopulation.prefix(5).joined(separator: ", "))); \(hint)"))
        }
        counts.append(("communes_without_population", withoutPopulation.count))
        // The totals the run manifest compares: the file's rows of the loaded
        // départements (an arrondissement row only when its commune has none) against
        // what the communes of the geometry received.
        let fileTotals = try national.populations.get().total(ofDepartements: departements, analysisArea: Set(config.analysisArea))
        counts.append(("population_file_loaded_departements", fileTotals.loaded))
        counts.append(("population_matched_loaded_departements", populations.byCommune.values.reduce(0, +)))
        counts.append(("population_file_analysis_area", fileTotals.analysisArea))

        // Equipment.
        files.append(("equipment", config.equipment.path, config.equipment.resolvedVintage))
        let parsed = try national.equipment.get()
        guard parsed.rows > 0 else {
            throw ZonegriseError.malformed(file: config.equipment.path, line: nil,
                                           detail: "the equipment file has a header but no row: without equipment there is no pole, and every commune would be in zone grise")
        }
        let equipment = timings.measure("match equipment") { parsed.match(codes) }
        try check(equipment.unmatched, file: config.equipment.path, what: "equipment row", extra: "")
        if equipment.unlocated > 0 {
            warnings.add(RunWarning(.equipmentUnlocated, file: config.equipment.path, count: equipment.unlocated,
                                    message: "\(config.equipment.path): \(equipment.unlocated) equipment row(s) without coordinates located at their commune"))
        }
        counts.append(("equipment_rows", equipment.rows))

        // Gammes.
        var gammeSheet: GammeWorkbookReader.Location?
        let gammes: GammeTable = try timings.measure("gammes") {
            if let table = config.gammes {
                files.append(("gammes", table.path, table.resolvedVintage))
                // INSEE's workbook as downloaded, or a CSV table.
                if GammeWorkbookReader.isWorkbook(table.path) {
                    let read = try GammeWorkbookReader(file: table.path).read()
                    gammeSheet = read.location
                    return read.table
                }
                return try GammeTableReader(file: table.path).read()
            }
            return national.derived!
        }
        if gammes.isDerived {
            warnings.add(RunWarning(.gammesDerived, count: gammes.membership.count,
                                    message: "no gamme table given: gammes derived from the national equipment and populations (docs/GAMMES.md); check gammes.csv in the outputs"))
        }

        // Communes of the service area.
        var communes: [Commune] = []
        for shape in read.shapes {
            communes.append(Commune(code: shape.code, nom: shape.nom, population: populations.byCommune[shape.code] ?? 0,
                                    centre: centres[shape.code]!, areaSquareMetres: areas[shape.code]!))
        }
        let analysisArea = Set(config.analysisArea)
        let analysedCodes = Set(communes.filter { analysisArea.contains(Commune.departement(ofCode: $0.code)) }.map(\.code))
        let typesByCommune = equipment.countsByCommune.mapValues { Set($0.filter { $0.value > 0 }.keys) }

        // Service layers.
        let locator = try engine.makeLocator(read.shapes.map { shapes[$0.code]! })
        let orderedCodes = read.shapes.map(\.code)
        var layers: [ServiceLayer] = []
        try timings.measure("service layers") {
            for source in config.serviceLayers {
                files.append(("service_layer:" + source.name, source.file.path, source.file.resolvedVintage))
                let layer = try ServiceLayerReader(source: source, codes: codes, centres: centres,
                                                   locate: { locator.indexContaining($0).map { orderedCodes[$0] } },
                                                   warnings: warnings).read()
                if layer.sites.isEmpty {
                    warnings.add(RunWarning(.layerWithoutSites, file: source.file.path, count: 0, examples: [source.name],
                                            message: "\(source.file.path): no site of layer \(source.name) in the loaded départements; every commune is beyond its threshold"))
                }
                counts.append(("sites_" + source.name, layer.sites.count))
                layers.append(layer)
            }
        }

        // Subdivisions.
        var schemes: [SubdivisionScheme] = []
        try timings.measure("subdivisions") {
            let analysed = communes.filter { analysedCodes.contains($0.code) }
            for source in config.subdivisions {
                files.append(("subdivision:" + source.name, source.file, InputFile.year(in: source.file)))
                schemes.append(try SubdivisionReader(source: source, engine: engine, warnings: warnings).read(communes: analysed, codes: codes) {
                    try check($0, file: source.file, what: "subdivision row", extra: "")
                })
            }
        }
        if config.timeModel.kind == .matrix, let path = config.timeModel.matrixFile {
            files.append(("matrix", path, InputFile.year(in: path)))
        }
        if config.timeModel.kind == .osm, let path = config.timeModel.osmFile {
            files.append(("osm_extract", path, InputFile.year(in: path)))
            if let profile = config.timeModel.osmProfile { files.append(("car_profile", profile, nil)) }
        }
        counts.insert(("communes_service_area", communes.count), at: 0)
        counts.insert(("communes_analysed", analysedCodes.count), at: 0)
        counts.append(("communes_outside_departements_skipped", read.skippedOutside))

        let input = AnalysisInput(communes: communes, analysedCodes: analysedCodes, typesByCommune: typesByCommune,
                                  gammes: gammes, serviceLayers: layers, subdivisions: schemes)
        var territory = LoadedTerritory(input: input, shapes: shapes, files: Self.withSidecars(files).map { (role: $0.0, path: $0.1, vintage: $0.2) },
                                        counts: counts)
        territory.gammeSheet = gammeSheet
        territory.wgs84Shapes = wgs84Shapes
        territory.fusions = read.fusions
        return territory
    }

    /// What the national files give before any commune is known: each file's rows (or
    /// the error that stopped its reading, reported at its turn), and the gammes derived
    /// from them when no table is given.
    struct NationalInputs: Sendable {
        var populations: Result<PopulationReader.Parsed, any Error>
        var equipment: Result<EquipmentReader.Parsed, any Error>
        var derived: GammeTable?
        /// Concurrent stages, measured in their task.
        var timings: StageTimings
    }

    /// Parses the populations, then the equipment (in parts over the cores), then
    /// derives the gammes if no table is given. Never throws: errors are kept for the
    /// loader to report in the order of a one-pass read.
    static func readNational(_ config: AnalysisConfiguration, progress: ProgressReporter? = nil) async -> NationalInputs {
        var timings = StageTimings(progress: progress)
        let populations = Result { try timings.measure("read populations (concurrent)") { try PopulationReader(file: config.populations.path).parse() } }
        let equipment: Result<EquipmentReader.Parsed, any Error>
        do {
            equipment = .success(try await timings.measure("read equipment (concurrent)") {
                try await EquipmentReader(file: config.equipment.path).parseConcurrently()
            })
        } catch {
            equipment = .failure(error)
        }
        var derived: GammeTable?
        if config.gammes == nil, case let .success(people) = populations, case let .success(rows) = equipment {
            derived = timings.measure("derive gammes (concurrent)") {
                GammeDerivationCommand.derive(nationalPopulations: people.national, types: rows.nationalTypes)
            }
        }
        return NationalInputs(populations: populations, equipment: equipment, derived: derived, timings: timings)
    }

    /// GEOS validity, repair, point on surface and area of every polygon, in chunks
    /// over the cores (one GEOS context each), in input order. The first failing
    /// commune in input order is reported.
    /// - Complexity: O(vertices), split over the cores.
    static func summarize(_ shapes: [CommuneShape], progress: ProgressStage? = nil) async throws -> [ShapeSummary] {
        let chunks = max(1, min(shapes.count / 200, 4 * Concurrency.cores))
        return try await Concurrency.map(0 ..< chunks) { chunk -> [ShapeSummary] in
            let engine = GeometryEngine()
            return try shapes[shapes.count * chunk / chunks ..< shapes.count * (chunk + 1) / chunks].map { commune in
                defer { progress?.advance() }
                do { return try engine.summarize(commune.shape) } catch {
                    throw ZonegriseError.invalidFeature(file: commune.file, feature: commune.featureNumber, detail: "commune \(commune.code): \(NativeError.reason(of: error))")
                }
            }
        }.flatMap { $0 }
    }

    /// Applies `unmatched_rows` to rows whose commune is not in the geometry.
    /// `unmatched` holds one (code, first line) per commune; `what` is singular.
    private func check(_ unmatched: [(String, Int)], file: String, what: String, extra: String) throws {
        try Self.check(unmatched, policy: configuration.unmatchedRows, warnings: warnings, file: file, what: what, extra: extra)
    }

    /// `unmatched_rows` applied to rows of any input: an error naming the first row, or
    /// a warning with the count. `unmatched` holds one (code, first line) per commune,
    /// in line order; `what` is singular.
    static func check(_ unmatched: [(String, Int)], policy: UnmatchedRows, warnings: Warnings, file: String, what: String, extra: String) throws {
        guard let first = unmatched.first else { return }
        switch policy {
        case .error:
            throw ZonegriseError.unknownCommune(file: file, line: first.1, code: first.0, what: what,
                                                hint: (unmatched.count > 1 ? "\(unmatched.count) such communes\(extra); " : "")
                                                    + "add the missing polygons, list merged communes in communes.fusions, or set unmatched_rows: warn to skip such rows")
        case .warn:
            warnings.add(RunWarning(.unmatchedRowsSkipped, file: file, count: unmatched.count, examples: unmatched.prefix(5).map(\.0),
                                    message: "\(file): \(what)s for \(unmatched.count) commune\(unmatched.count == 1 ? "" : "s") not in the geometry\(extra) skipped (first: \(first.0) at line \(first.1))"))
        }
    }

    /// `files` with, after each Shapefile, the files of the same name that belong to it
    /// (`.shx`, `.dbf`, `.prj`, `.cpg`, when present): attributes, index and CRS are read
    /// from them, so the run manifest hashes them too (role `ROLE:dbf`…).
    static func withSidecars(_ files: [(String, String, String?)]) -> [(String, String, String?)] {
        var all: [(String, String, String?)] = []
        for (role, path, vintage) in files {
            all.append((role, path, vintage))
            guard path.lowercased().hasSuffix(".shp") else { continue }
            let stem = String(path.dropLast(4))
            for ext in ["shx", "dbf", "prj", "cpg"] {
                let candidates = [stem + "." + ext, stem + "." + ext.uppercased()]
                if let sidecar = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                    all.append((role + ":" + ext, sidecar, vintage))
                }
            }
        }
        return all
    }
}
