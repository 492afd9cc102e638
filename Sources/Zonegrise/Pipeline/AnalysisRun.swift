import Foundation
import ZonegriseCore
import ZonegriseNative
import ZonegriseOSM
import ZonegriseRouting

/// One `zonegrise analyse`: load, classify, write every output atomically, with a
/// manifest of inputs (checksums, vintages), parameters and tool version.
public struct AnalysisRun {
    public var configuration: AnalysisConfiguration
    public var outputDirectory: String
    /// Called with each stage's name as it starts.
    public var progress: (@Sendable (String) -> Void)?

    public init(configuration: AnalysisConfiguration, outputDirectory: String, progress: (@Sendable (String) -> Void)? = nil) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        self.progress = progress
    }

    public struct Report {
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
    }

    public func execute() throws -> Report {
        var timings = StageTimings(onStageStart: progress)
        let warnings = Warnings()
        let territory = try TerritoryLoader(configuration: configuration, warnings: warnings).load(timings: &timings)
        let cacheState = Box<String?>(nil), digests = Box<[String: String]>([:])
        let model = try timings.measure("time model") { try makeTimeModel(warnings: warnings, cacheState: cacheState, digests: digests) }
        if let roads = model as? RoadNetworkTimeModel { reportFarPlaces(roads, territory: territory, warnings: warnings) }
        let result: AnalysisResult
        do {
            result = try timings.measure("classify") {
                try ZoneGriseAnalysis(parameters: configuration.analysisParameters).run(territory.input, timeModel: model)
            }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        let outputs = try timings.measure("write outputs") {
            try write(result, territory: territory, model: model, warnings: warnings, knownDigests: digests.value)
        }
        return Report(result: result, outputs: outputs, warnings: warnings.all, timings: timings, gammes: territory.input.gammes,
                      roadGraphCacheState: cacheState.value)
    }

    /// Names the commune centres and sites farther than `max_snap_metres` from any road:
    /// their off-road leg is costed at the off-road speed (docs/ROAD-NETWORK.md).
    func reportFarPlaces(_ model: RoadNetworkTimeModel, territory: LoadedTerritory, warnings: Warnings) {
        let limit = configuration.timeModel.maxSnapMetres
        func far(_ places: [(String, PlanarPoint)]) -> [(String, Double)] {
            places.compactMap { name, point in
                guard let snap = model.snap(point), snap.distanceMetres > limit else { return nil }
                return (name, snap.distanceMetres)
            }
        }
        let input = territory.input
        let communes = far(input.communes.filter { input.analysedCodes.contains($0.code) }.map { ($0.code, $0.centre) })
        let sites = far(input.serviceLayers.flatMap { layer in layer.sites.map { ("\(layer.name) site \($0.id)", $0.point) } })
        for (what, list) in [("commune centre(s)", communes), ("service site(s)", sites)] where !list.isEmpty {
            let first = list.prefix(5).map { "\($0.0) at \(Int($0.1.rounded())) m" }.joined(separator: ", ")
            warnings.add(RunWarning(.farFromRoad, count: list.count, examples: list.prefix(5).map(\.0),
                                    message: "\(list.count) \(what) farther than \(Int(limit)) m from any road (\(first)\(list.count > 5 ? ", …" : "")); the leg to the road is costed at \(BandScheme.text(configuration.timeModel.offRoadSpeedKmh)) km/h"))
        }
    }

    func makeTimeModel(warnings: Warnings, cacheState: Box<String?>, digests: Box<[String: String]> = Box([:])) throws -> any TravelTimeModel {
        let settings = configuration.timeModel
        switch settings.kind {
        case .crowfly:
            return settings.crowfly
        case .osm:
            guard let path = settings.osmFile else {
                throw ZonegriseError.invalidParameter(source: configuration.manifestPath ?? "command line", key: "time_model.osm.file",
                                                      detail: "the osm time model needs an OpenStreetMap extract (.osm.pbf or .osm): name it here or with --osm")
            }
            let cache = settings.osmCache ?? URL(fileURLWithPath: outputDirectory).appendingPathComponent("road_graph.zgcache").path
            let loaded = try ZonegriseError.wrappingRoadNetworkErrors {
                try RoadNetworkLoader(osmPath: path, profilePath: settings.osmProfile, cachePath: cache, warnings: warnings).load()
            }
            // The run manifest must not depend on the run: whether the cache was read or
            // built stays out of it, and the default cache is named relative to the outputs.
            var details = loaded.details
            cacheState.value = details.removeValue(forKey: "cache_state")
            digests.value = loaded.fileDigests
            if settings.osmCache == nil { details["cache"] = "road_graph.zgcache (in the output folder)" }
            return RoadNetworkTimeModel(graph: loaded.graph, offRoadSpeedKmh: settings.offRoadSpeedKmh, details: details)
        case .matrix:
            guard let path = settings.matrixFile else {
                throw ZonegriseError.invalidParameter(source: configuration.manifestPath ?? "command line", key: "time_model.matrix.file",
                                                      detail: "the matrix time model needs a file of origin,destination,minutes")
            }
            let table = try MatrixReader(file: path).read(fusions: configuration.communes.fusions)
            return MatrixModel(minutesByPair: table, source: path, missing: settings.matrixMissing, fallback: settings.crowfly)
        }
    }

    func write(_ result: AnalysisResult, territory: LoadedTerritory, model: any TravelTimeModel, warnings: Warnings,
               knownDigests: [String: String] = [:]) throws -> [String] {
        let outputs = AnalysisOutputs(result: result, territory: territory)
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        let transaction = try OutputTransaction(directory: outputDirectory)
        var names: [String] = []
        func put(_ name: String, _ bytes: [UInt8]) throws {
            try transaction.write(name, bytes)
            names.append(name)
        }
        try put("communes.geojson", try outputs.communesGeoJSON(toWGS84: toWGS84))
        try put("communes.csv", outputs.communesCSV())
        try put("poles.geojson", try outputs.polesGeoJSON(toWGS84: toWGS84))
        try put("zones_grises.csv", outputs.zonesGrisesCSV())
        if !result.subdivisionSummaries.isEmpty { try put("zones_grises_par_subdivision.csv", outputs.subdivisionsCSV()) }
        try put("gammes.csv", outputs.gammesCSV())
        let manifest = try RunManifest(configuration: configuration, territory: territory, result: result, model: model,
                                       warnings: warnings.messages, outputs: names + ["manifest.json"], knownDigests: knownDigests).json()
        try put("manifest.json", Array(manifest.text(pretty: true).utf8))
        return try transaction.commit()
    }
}

