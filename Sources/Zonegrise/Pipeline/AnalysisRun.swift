import Foundation
import ZonegriseCore
import ZonegriseNative
import ZonegriseOSM
import ZonegriseRouting

/// One `zonegrise analyse`: load, classify, write every output atomically, with a
/// manifest of inputs (checksums, vintages), parameters and tool version.
///
/// Stages overlap where they are independent (the road graph is built or read while
/// the territory loads; gammes and layers are searched concurrently; outputs are
/// rendered concurrently) and are gathered in a fixed order, so that outputs and
/// warnings do not depend on which finishes first.
public struct AnalysisRun: Sendable {
    public var configuration: AnalysisConfiguration
    public var outputDirectory: String
    /// Where the long steps report their fractions as they run (nil: nowhere).
    public var progress: ProgressReporter?
    /// The outputs written besides `manifest.json`, in order (the output seam).
    public var writers: [any OutputWriter]

    /// The outputs of docs/OUTPUTS.md, in the order they are listed in the manifest.
    public static let standardWriters: [any OutputWriter] = [
        CommunesGeoJSONOutput(), CommunesCSVOutput(), PolesGeoJSONOutput(), ZonesGrisesCSVOutput(), SubdivisionsCSVOutput(),
        GammesCSVOutput(), SectorsGeoJSONOutput(), SectorsCSVOutput(), BandsGeoJSONOutput(), GeoPackageOutput(), ReportOutput(),
    ]

    public init(configuration: AnalysisConfiguration, outputDirectory: String, progress: ProgressReporter? = nil,
                writers: [any OutputWriter] = AnalysisRun.standardWriters) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        self.progress = progress
        self.writers = writers
    }

    public struct Report: Sendable {
        public var result: AnalysisResult
        public var outputs: [String]
        /// What was skipped, repaired or guessed, in the order found.
        public var warnings: [RunWarning]
        /// The warnings' sentences, as printed.
        public var warningMessages: [String] { warnings.map(\.message) }
        public var timings: StageTimings
        public var gammes: GammeTable
        /// `osm` model only: whether the road graph was `built`, `rebuilt` or `read`
        /// from its cache (kept out of the run manifest, which must not depend on it).
        public var roadGraphCacheState: String?
        /// The prepared analysis and its kept searches, for what-if queries on the same
        /// loaded inputs (scenarios, candidate sites).
        public var prepared: PreparedAnalysis
        public var searches: AnalysisSearches
        /// `--sensitivite` only: the classification under each variant.
        public var sensitivity: SensitivityResult? = nil
    }

    /// The time model and what its loading reported.
    struct LoadedModel: Sendable {
        var model: any TravelTimeModel
        var warnings: Warnings
        var timings: StageTimings
        var cacheState: String?
        /// SHA-256 of the files the loader hashed (the extract), by path.
        var knownDigests: [String: String]
        /// A road graph built while the territory loaded, written once the territory has
        /// loaded without error.
        var pendingCache: RoadNetworkLoader.PendingCache?
        /// Matrix model: the first line of each commune code of the file, checked
        /// against the geometry once the territory has loaded.
        var matrixCodes: [String: Int] = [:]
        /// The encoding of the matrix file by path, when it was not UTF-8.
        var encodings: [String: String] = [:]
    }

    public func execute() async throws -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        let (analysed, _) = try await analyse { _ in () }
        var timings = analysed.timings
        let digests = Self.digests(of: analysed.territory, known: analysed.knownDigests)
        defer { digests.cancel() }
        let sensitivity = try await self.sensitivity(of: analysed, timings: &timings)
        let shapes = try await self.shapes(of: analysed.result, territory: analysed.territory, timings: &timings, geometry: analysed.geometry)
        let outputs = AnalysisOutputs(result: analysed.result, territory: analysed.territory, warnings: analysed.warnings.all,
                                      polygons: shapes.tables, sensitivity: sensitivity)
        let written = try await timings.measureReporting("write outputs") {
            try await write(outputs, shapes: shapes.complete, model: analysed.model, digests: digests, transaction: analysed.transaction, progress: $0)
        }
        timings.append(try await shapes.complete.value.timings)
        timings.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Report(result: analysed.result, outputs: written, warnings: analysed.warnings.all, timings: timings,
                      gammes: analysed.territory.input.gammes, roadGraphCacheState: analysed.cacheState,
                      prepared: analysed.prepared, searches: analysed.searches, sensitivity: sensitivity)
    }

    /// `--sensitivite`: the classification under each variant, from the kept searches
    /// (no input read again); nil when not asked for.
    func sensitivity(of analysed: Analysed, timings: inout StageTimings) async throws -> SensitivityResult? {
        guard configuration.sensitivity else { return nil }
        do {
            return try await timings.measure("sensitivity") {
                try await analysed.prepared.sensitivity(base: analysed.searches, result: analysed.result)
            }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
    }

    /// A territory loaded and analysed, before any output is written.
    public struct Analysed: Sendable {
        public var territory: LoadedTerritory
        public var model: any TravelTimeModel
        public var prepared: PreparedAnalysis
        public var searches: AnalysisSearches
        public var result: AnalysisResult
        public var warnings: Warnings
        public var timings: StageTimings
        /// `osm` model only: `built`, `rebuilt` or `read` (kept out of the run manifest).
        public var cacheState: String?
        /// SHA-256 of the inputs the loader hashed already, by path.
        var knownDigests: [String: String]
        /// The output folder, locked, and the staging folder of its new results.
        var transaction: OutputTransaction
        /// The outputs' shape-only work, started while the territory loaded (nil for a
        /// run without writers).
        var geometry: Task<CommuneGeometry, any Error>?
    }

    /// Loads the territory and the time model, checks what depends on the territory
    /// (`checking`: e.g. a comparison's scenario files, which must fail before anything
    /// is written), then prepares, searches and classifies.
    func analyse<Checked: Sendable>(checking: (LoadedTerritory) throws -> Checked) async throws -> (Analysed, Checked) {
        try checkOutputFolder()
        // The output folder is locked (and its leftovers cleaned) before any input is
        // read: a second run on it is refused, and the graph cache it holds is stable.
        let transaction = try OutputTransaction(directory: outputDirectory, cacheNames: inFolderCacheName.map { [$0] } ?? [])
        var timings = StageTimings(progress: progress)
        let warnings = Warnings()
        // The road graph (or the matrix) loads while the territory does. The
        // territory's errors and warnings come first, as when the stages ran one after
        // the other; a graph built meanwhile is written to its cache only once the
        // territory has loaded, so that a run that fails writes nothing.
        async let loadedModel = loadTimeModel(transaction: transaction)
        // The outputs' shape-only work starts as soon as the shapes are read (not for a
        // run that writes nothing, such as the server's).
        var loader = TerritoryLoader(configuration: configuration, warnings: warnings)
        let geometry = CommuneGeometry.Pending(analysisArea: Set(configuration.analysisArea), drawsMaps: drawsMaps)
        if !writers.isEmpty { loader.shapesRead = { geometry.start($0) } }
        var succeeded = false
        defer { if !succeeded { geometry.started?.cancel() } }
        var territory = try await loader.load(timings: &timings)
        let loaded = try await loadedModel
        territory.encodings.merge(loaded.encodings) { first, _ in first }
        warnings.append(contentsOf: loaded.warnings)
        timings.append(loaded.timings)
        if let path = configuration.timeModel.matrixFile, configuration.timeModel.kind == .matrix {
            // Rows for communes of the loaded départements that the geometry lacks follow `unmatched_rows`.
            let codes = CommuneCodes(known: Set(territory.shapes.keys), departements: Set(configuration.loadedDepartements),
                                     fusions: territory.fusions)
            let unknown = loaded.matrixCodes.filter { codes.match($0.key) == .unknown }.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 }
            try TerritoryLoader.check(unknown, policy: configuration.unmatchedRows, warnings: warnings, file: path, what: "matrix row", extra: "")
        }
        let checked = try checking(territory)
        if let pending = loaded.pendingCache {
            try timings.measure("write graph cache") {
                try ZonegriseError.wrappingRoadNetworkErrors {
                    // A cache in the output folder goes into place with the results.
                    if let name = inFolderCacheName { try pending.write(to: transaction.stagingPath(name)) } else { try pending.write() }
                }
            }
        }

        let result: AnalysisResult
        let prepared: PreparedAnalysis
        let searches: AnalysisSearches
        do {
            prepared = try timings.measure("prepare") {
                try ZoneGriseAnalysis(parameters: configuration.analysisParameters).prepare(territory.input, timeModel: loaded.model)
            }
            if let network = prepared.model as? PreparedRoadNetwork { reportFarPlaces(network, territory: territory, warnings: warnings) }
            searches = try await timings.measureReporting("search") { try await prepared.searchAll(progress: $0) }
            result = timings.measure("classify") { prepared.result(searches) }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        succeeded = true
        return (Analysed(territory: territory, model: loaded.model, prepared: prepared, searches: searches, result: result,
                         warnings: warnings, timings: timings, cacheState: loaded.cacheState, knownDigests: loaded.knownDigests,
                         transaction: transaction, geometry: geometry.started),
                checked)
    }

    /// Inputs are never outputs: the output folder may not be empty, nor be or hold an
    /// input file (each run replaces the whole folder), and the road graph cache may be
    /// neither an input, nor a folder, nor deeper inside the output folder.
    func checkOutputFolder() throws {
        let source = configuration.manifestPath ?? "command line"
        guard !outputDirectory.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ZonegriseError.invalidParameter(source: source, key: "--out", detail: "the output folder is empty; name a folder for the results")
        }
        let out = Self.resolved(outputDirectory)
        let here = Self.resolved(FileManager.default.currentDirectoryPath)
        if here == out || Self.isInside(here, out) {
            throw ZonegriseError.invalidParameter(source: source, key: "--out",
                                                  detail: "\(outputDirectory) is the current folder or holds it, and each run replaces the whole output folder; name a folder for the results below or beside it")
        }
        let c = configuration
        var inputs = c.communes.files + [c.populations.path, c.equipment.path] + c.serviceLayers.map(\.file.path) + c.subdivisions.map(\.file)
        inputs += [c.gammes?.path, c.communes.centres, c.timeModel.matrixFile, c.timeModel.osmFile, c.timeModel.osmProfile, c.manifestPath].compactMap { $0 }
        inputs += extraInputs
        for input in inputs {
            let path = Self.resolved(input)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if folder == out {
                throw ZonegriseError.invalidParameter(source: source, key: "--out",
                                                      detail: "\(outputDirectory) is the folder of the input \(input); write the results elsewhere so that no input can be replaced")
            }
            if Self.isInside(path, out) || path == out {
                throw ZonegriseError.invalidParameter(source: source, key: "--out",
                                                      detail: "\(outputDirectory) holds the input \(input), and each run replaces the whole output folder; write the results elsewhere")
            }
        }
        guard c.timeModel.kind == .osm, let cache = c.timeModel.osmCache else { return }
        let cachePath = Self.resolved(cache)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: cachePath, isDirectory: &isFolder), isFolder.boolValue {
            throw ZonegriseError.invalidParameter(source: source, key: "time_model.osm.cache",
                                                  detail: "\(cache) is a folder; name a file for the road graph cache (default: \(OutputTransaction.cacheName) in the output folder)")
        }
        if let input = inputs.first(where: { Self.resolved($0) == cachePath }) {
            throw ZonegriseError.invalidParameter(source: source, key: "time_model.osm.cache",
                                                  detail: "\(cache) is an input of this run (\(input)); name another file for the road graph cache")
        }
        if Self.isInside(cachePath, out), URL(fileURLWithPath: cachePath).deletingLastPathComponent().path != out {
            throw ZonegriseError.invalidParameter(source: source, key: "time_model.osm.cache",
                                                  detail: "\(cache) is in a subfolder of the output folder, which each run replaces as a whole; put the cache in the output folder itself (the default) or outside it")
        }
    }

    /// Files read besides the configuration's (scenario, candidate and weight files):
    /// none may be in the output folder either.
    var extraInputs: [String] = []

    /// The road graph cache's name when it lives in the output folder (the default, or a
    /// `--graph-cache` there): it is read from the current results and kept in the new
    /// ones. Nil for other time models and a cache elsewhere.
    var inFolderCacheName: String? {
        guard configuration.timeModel.kind == .osm else { return nil }
        guard let cache = configuration.timeModel.osmCache else { return OutputTransaction.cacheName }
        let path = URL(fileURLWithPath: Self.resolved(cache))
        return path.deletingLastPathComponent().path == Self.resolved(outputDirectory) ? path.lastPathComponent : nil
    }

    /// `path` absolute, with `.`, `..` and symbolic links resolved (of its existing part).
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: FilePaths.absolute(path)).resolvingSymlinksInPath().path
    }

    /// True when `path` is below the folder `folder` (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Builds the time model with its own warnings and timings, to run concurrently
    /// with the territory's loading.
    func loadTimeModel(transaction: OutputTransaction) async throws -> LoadedModel {
        var timings = StageTimings(progress: progress)
        let warnings = Warnings()
        let cacheState = Box<String?>(nil), digests = Box<[String: String]>([:])
        let pending = Box<RoadNetworkLoader.PendingCache?>(nil)
        let matrixCodes = Box<[String: Int]>([:])
        let log = InputEncodingLog(declared: configuration.declaredEncodings)
        let model = try timings.measureReporting("time model") { stage in
            try log.run {
                try makeTimeModel(warnings: warnings, cacheState: cacheState, digests: digests, pendingCache: pending, matrixCodes: matrixCodes,
                                  transaction: transaction, progress: stage)
            }
        }
        for warning in log.warnings(inOrder: configuration.timeModel.matrixFile.map { [$0] } ?? []) { warnings.add(warning) }
        return LoadedModel(model: model, warnings: warnings, timings: timings, cacheState: cacheState.value,
                           knownDigests: digests.value, pendingCache: pending.value, matrixCodes: matrixCodes.value,
                           encodings: log.encodingNames)
    }

    /// Names the commune centres and sites farther than `max_snap_metres` from any road:
    /// their off-road leg is costed at the off-road speed (docs/ROAD-NETWORK.md). The
    /// prepared network reports its own origins from the snaps it keeps.
    func reportFarPlaces(_ network: PreparedRoadNetwork, territory: LoadedTerritory, warnings: Warnings) {
        let limit = configuration.timeModel.maxSnapMetres
        let communes = network.farOrigins(limitMetres: limit).map { (network.origins[$0.index].communeCode, $0.metres) }
        let sites = territory.input.serviceLayers.flatMap { layer in
            network.model.farPlaces(layer.sites.map(\.point), limitMetres: limit).map { ("\(layer.name) site \(layer.sites[$0.index].id)", $0.metres) }
        }
        for (what, list) in [("commune centre(s)", communes), ("service site(s)", sites)] where !list.isEmpty {
            let first = list.prefix(5).map { "\($0.0) at \(Int($0.1.rounded())) m" }.joined(separator: ", ")
            warnings.add(RunWarning(.farFromRoad, count: list.count, examples: list.prefix(5).map(\.0),
                                    message: "\(list.count) \(what) farther than \(Int(limit)) m from any road (\(first)\(list.count > 5 ? ", …" : "")); the leg to the road is costed at \(BandScheme.text(configuration.timeModel.offRoadSpeedKmh)) km/h"))
        }
    }

    func makeTimeModel(warnings: Warnings, cacheState: Box<String?>, digests: Box<[String: String]>,
                       pendingCache: Box<RoadNetworkLoader.PendingCache?>, matrixCodes: Box<[String: Int]>,
                       transaction: OutputTransaction, progress: ProgressStage? = nil) throws -> any TravelTimeModel {
        let settings = configuration.timeModel
        switch settings.kind {
        case .crowfly:
            return settings.crowfly
        case .osm:
            guard let path = settings.osmFile else {
                throw ZonegriseError.invalidParameter(source: configuration.manifestPath ?? "command line", key: "time_model.osm.file",
                                                      detail: "the osm time model needs an OpenStreetMap extract (.osm.pbf or .osm): name it here or with --osm")
            }
            // A cache in the output folder is read from the current results (written,
            // when built, with the new ones).
            let cache = inFolderCacheName.map { transaction.current($0) } ?? settings.osmCache!
            let loaded = try ZonegriseError.wrappingRoadNetworkErrors {
                var loader = RoadNetworkLoader(osmPath: path, profilePath: settings.osmProfile, cachePath: cache, warnings: warnings,
                                               defersCacheWrite: true)
                loader.progress = progress
                return try loader.load()
            }
            // The run manifest must not depend on the run: whether the cache was read or
            // built stays out of it, and the default cache is named relative to the outputs.
            var details = loaded.details
            cacheState.value = details.removeValue(forKey: "cache_state")
            digests.value = loaded.fileDigests
            pendingCache.value = loaded.pendingCache
            if settings.osmCache == nil { details["cache"] = "road_graph.zgcache (in the output folder)" }
            return RoadNetworkTimeModel(graph: loaded.graph, offRoadSpeedKmh: settings.offRoadSpeedKmh, details: details)
        case .matrix:
            guard let path = settings.matrixFile else {
                throw ZonegriseError.invalidParameter(source: configuration.manifestPath ?? "command line", key: "time_model.matrix.file",
                                                      detail: "the matrix time model needs a file of origin,destination,minutes")
            }
            // Read while the communes load, before the COG's fusions are matched to the
            // geometry: every déléguée or associée the COG names maps to its commune.
            var fusions = configuration.communes.fusions
            if let cog = configuration.communes.cogFile {
                let registry = try CogReader(file: cog).read()
                for (code, parent) in registry.parentOf where fusions[code] == nil { fusions[code] = fusions[parent] ?? parent }
            }
            let (table, firstLine) = try MatrixReader(file: path).readWithLines(fusions: fusions)
            matrixCodes.value = firstLine
            return MatrixModel(minutesByPair: table, source: path, missing: settings.matrixMissing, fallback: settings.crowfly)
        }
    }

    /// When a writer starts in `write`: lower first. The longest single-threaded ones
    /// first (the GeoPackage, then the report's page), then the communes' GeoJSON (the
    /// largest file of the others), then the polygons, then the other tables, so that
    /// small writers fill the cores at the end.
    static func startRank(_ writer: any OutputWriter) -> Int {
        if writer is CommunesGeoJSONOutput { return 2 }
        switch writer.group {
        case .geopackage: return 0
        case .rapport: return 1
        case .polygones: return 3
        case .tables: return 4
        }
    }

    /// The SHA-256 of every input of `territory` (those the loader hashed while reading
    /// are taken from `known`), in a task. Started before the output shapes are built, so
    /// that it is done when the writers start: the report's provenance section awaits it,
    /// and a writer suspended behind the others' queued work would be the run's last.
    static func digests(of territory: LoadedTerritory, known: [String: String]) -> Task<[String: InputDigests.Digest], any Error> {
        let paths = territory.files.map(\.path)
        return Task { try await InputDigests.compute(paths, known: known) }
    }

    /// Whether the report's maps are drawn (the report is written by this run).
    var drawsMaps: Bool {
        configuration.outputGroups.contains(.rapport) && writers.contains { $0 is ReportOutput }
    }

    /// What the writers draw from. The sectors are grouped and numbered first: the tables
    /// read nothing more, and are written while the rest is finished in `complete`.
    struct OutputShapes: Sendable {
        /// The sectors numbered, with empty shapes, and no band areas (what a run with
        /// `--outputs tables` has as a whole).
        var tables: ResultPolygons
        /// The band areas and sector shapes (GEOS unions) and, when the report is written,
        /// its maps' simplified communes, with the "polygons (concurrent)" stage.
        var complete: Task<CompleteShapes, any Error>
    }

    struct CompleteShapes: Sendable {
        var polygons: ResultPolygons
        var mapRenderer: MapRenderer?
        var timings: StageTimings
    }

    /// The output shapes of `result`, from one edge index of the analysed communes. The
    /// index and the maps' simplification are taken from `geometry` (started while the
    /// territory loaded) when it holds these communes; otherwise the index is built here
    /// and the maps are simplified while the sectors are dissolved. Returns once the
    /// sectors are grouped ("sector grouping"); the unions and the maps go on in
    /// `complete` ("polygons (concurrent)", until both are done; "commune edges
    /// (concurrent)" and "simplify maps (concurrent)" are the early parts).
    func shapes(of result: AnalysisResult, territory: LoadedTerritory, timings: inout StageTimings,
                geometry: Task<CommuneGeometry, any Error>? = nil) async throws -> OutputShapes {
        let drawsMaps = self.drawsMaps && !result.communes.isEmpty
        let codes = result.communes.map(\.code)
        let (early, builder, grouping) = try await timings.measure("sector grouping") {
            () async throws -> (CommuneGeometry?, ResultPolygonsBuilder, ResultPolygonsBuilder.Grouping) in
            // The edge index and the maps' paths computed while the territory loaded,
            // when they are of these communes (a comparison's result has the same).
            var early: CommuneGeometry?
            if let geometry {
                let done = try await geometry.value
                if done.codes == codes { early = done }
            }
            let coverage = early?.coverage ?? CoverageEdges(ResultPolygonsBuilder.shapes(of: result, territory: territory))
            // Sectors are always grouped (communes.csv names each commune's); their
            // polygons and the band areas only for the outputs that draw or store them.
            let builder = ResultPolygonsBuilder(result: result, territory: territory, minimum: configuration.sectorMinimum,
                                                withShapes: configuration.outputGroups != [.tables], coverage: coverage)
            return (early, builder, try await builder.grouped())
        }
        let complete = Task { () async throws -> CompleteShapes in
            var timings = StageTimings()
            if let early { timings.append(early.timings) }
            let coverage = grouping.coverage
            let (polygons, drawn) = try await timings.measure("polygons (concurrent)") { () async throws -> (ResultPolygons, (MapRenderer, StageTimings)?) in
                async let renderer: (MapRenderer, StageTimings)? = {
                    guard drawsMaps else { return nil }
                    if let paths = early?.mapPaths {
                        let drawn = try await paths.value
                        return (SimplifiedCommunes.renderer(drawn.paths, codes: codes, result: result), drawn.timings)
                    }
                    var timings = StageTimings()
                    let renderer = try await timings.measure("simplify maps (concurrent)") {
                        try await SimplifiedCommunes.renderer(result: result, territory: territory, coverage: coverage)
                    }
                    return (renderer, timings)
                }()
                let polygons = try await builder.dissolved(grouping)
                return (polygons, try await renderer)
            }
            if let drawn { timings.append(drawn.1) }
            return CompleteShapes(polygons: polygons, mapRenderer: drawn?.0, timings: timings)
        }
        return OutputShapes(tables: grouping.tables, complete: complete)
    }

    /// Renders and stages every writer's files concurrently (and hashes the inputs
    /// meanwhile), then the run manifest, and commits them in writer order.
    /// `digests`: those of `outputs.territory`'s inputs (`digests(of:known:)`, started
    /// by the caller before the output shapes). `shapes`: the polygons and maps still
    /// being made (`OutputShapes.complete`), when `outputs` holds the sectors without
    /// their shapes: the writers of the `tables` group start on `outputs` (they read no
    /// polygon, as with `--outputs tables`), the others once `shapes` is done.
    func write(_ outputs: AnalysisOutputs, shapes: Task<CompleteShapes, any Error>? = nil, model: any TravelTimeModel,
               digests: Task<[String: InputDigests.Digest], any Error>,
               transaction: OutputTransaction, progress: ProgressStage? = nil) async throws -> [String] {
        // Units: each writer's files staged, the manifest, the commit.
        defer { digests.cancel() }
        var outputs = outputs
        outputs.provenance = RunProvenance(configuration: configuration, model: model, digests: digests)
        let early = outputs
        let complete = Task { () async throws -> AnalysisOutputs in
            guard let shapes else { return early }
            let done = try await shapes.value
            var complete = early.with(polygons: done.polygons)
            complete.mapRenderer = done.mapRenderer
            return complete
        }
        defer { complete.cancel() }
        let selected = writers.filter { configuration.outputGroups.contains($0.group) }
        progress?.setTotal(selected.count + 2)
        // The longest single-threaded writers (the GeoPackage, the report's page) start
        // first, so that the others, split over the cores, fill the second core meanwhile
        // instead of leaving one writer alone at the end. Files are named in list order.
        let order = selected.indices.sorted { (Self.startRank(selected[$0]), $0) < (Self.startRank(selected[$1]), $1) }
        let started = try await Concurrency.map(order) { [early] index -> [String] in
            if let staging = selected[index] as? any StagingOutputWriter {
                let names = try await staging.stage(for: early, complete: complete, into: transaction)
                progress?.advance()
                return names
            }
            let outputs = selected[index].group == .tables ? early : try await complete.value
            let files = try await selected[index].files(for: outputs)
            // Written and fsynced off the task threads (83 MB of GeoPackage on France
            // holds a thread about 0.2 s).
            try await Concurrency.blocking { for file in files { try transaction.write(file.name, file.bytes) } }
            progress?.advance()
            return files.map(\.name)
        }
        var byWriter = [[String]](repeating: [], count: selected.count)
        for (position, index) in order.enumerated() { byWriter[index] = started[position] }
        let names = byWriter.flatMap { $0 }
        precondition(Set(names).count == names.count, "two writers name the same file")
        // LISEZMOI.txt lists every file of the folder, itself and the manifest included.
        let all = names + [LisezmoiText.fileName, "manifest.json"]
        try transaction.write(LisezmoiText.fileName, LisezmoiText(command: outputs.commandName, manifestPath: configuration.manifestPath,
                                                                  files: all, cacheName: inFolderCacheName,
                                                                  gammes: LisezmoiText.gammesLine(table: configuration.gammes?.path, sheet: outputs.territory.gammeSheet,
                                                                                                  derived: outputs.territory.input.gammes.isDerived),
                                                                  sensitivity: outputs.sensitivity?.variants).bytes)
        let manifest = try RunManifest(configuration: configuration, territory: outputs.territory, result: outputs.result, model: model,
                                       warnings: outputs.warnings.map(\.message), outputs: all,
                                       digests: try await digests.value, sensitivity: outputs.sensitivity?.variants).json()
        try transaction.write("manifest.json", Array(manifest.text(pretty: true).utf8))
        progress?.advance()
        defer { progress?.advance() }
        return try transaction.commit(order: all)
    }
}
