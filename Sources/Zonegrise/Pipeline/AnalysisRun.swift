import Foundation
import ZonegriseCore
import ZonegriseNative

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
        public var warnings: [String]
        public var timings: StageTimings
        public var gammes: GammeTable
    }

    public func execute() throws -> Report {
        var timings = StageTimings(onStageStart: progress)
        let warnings = Warnings()
        let territory = try TerritoryLoader(configuration: configuration, warnings: warnings).load(timings: &timings)
        let model = try timings.measure("time model") { try makeTimeModel() }
        let result: AnalysisResult
        do {
            result = try timings.measure("classify") {
                try ZoneGriseAnalysis(parameters: configuration.analysisParameters).run(territory.input, timeModel: model)
            }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        let outputs = try timings.measure("write outputs") { try write(result, territory: territory, model: model, warnings: warnings) }
        return Report(result: result, outputs: outputs, warnings: warnings.messages, timings: timings, gammes: territory.input.gammes)
    }

    func makeTimeModel() throws -> any TravelTimeModel {
        let settings = configuration.timeModel
        switch settings.kind {
        case .crowfly:
            return settings.crowfly
        case .matrix:
            guard let path = settings.matrixFile else {
                throw ZonegriseError.invalidParameter(source: configuration.manifestPath ?? "command line", key: "time_model.matrix.file",
                                                      detail: "the matrix time model needs a file of origin,destination,minutes")
            }
            let table = try MatrixReader(file: path).read(fusions: configuration.communes.fusions)
            return MatrixModel(minutesByPair: table, source: path, missing: settings.matrixMissing, fallback: settings.crowfly)
        }
    }

    func write(_ result: AnalysisResult, territory: LoadedTerritory, model: any TravelTimeModel, warnings: Warnings) throws -> [String] {
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
                                       warnings: warnings.messages, outputs: names + ["manifest.json"]).json()
        try put("manifest.json", Array(manifest.text(pretty: true).utf8))
        return try transaction.commit()
    }
}
