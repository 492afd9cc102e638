import Foundation
import ZonegriseCore

/// One `zonegrise recommend`: the territory analysed once, candidates filtered, sites
/// chosen greedily (CELF, docs/RECOMMENDATION.md) against the kept search of the layer,
/// and the choice written as `recommandation.csv`, a `scenario.yaml` for `compare`, and
/// the comparison files of that scenario, all or nothing.
public struct RecommendationRun: Sendable {
    public enum Objective: Sendable, Hashable {
        /// The `k` sites that most reduce the weight beyond the threshold.
        case maximalCovering(k: Int)
        /// Sites until everyone a candidate can bring within the threshold is within it.
        case coverAll
    }

    public var configuration: AnalysisConfiguration
    public var layer: String
    public var objective: Objective
    public var candidates: CandidateFilter
    /// A weights CSV and its column, replacing population in the objective.
    public var weights: (file: String, column: String)?
    public var outputDirectory: String
    /// Where the long steps report their fractions as they run (nil: nowhere).
    public var progress: ProgressReporter?

    public static let writers: [any OutputWriter] = [RecommendationOutput()] + ComparisonRun.standardWriters

    public init(configuration: AnalysisConfiguration, layer: String, objective: Objective, candidates: CandidateFilter = CandidateFilter(),
                weights: (file: String, column: String)? = nil, outputDirectory: String, progress: ProgressReporter? = nil) {
        self.configuration = configuration
        self.layer = layer
        self.objective = objective
        self.candidates = candidates
        self.weights = weights
        self.outputDirectory = outputDirectory
        self.progress = progress
    }

    public struct Report: Sendable {
        public var recommendation: Recommendation
        public var outcome: ScenarioOutcome
        public var base: AnalysisResult
        public var outputs: [String]
        public var warnings: [RunWarning]
        public var warningMessages: [String] { warnings.map(\.message) }
        public var timings: StageTimings
        /// The gamme table used (given or derived).
        public var gammes: GammeTable
    }

    public func execute() async throws -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        var run = AnalysisRun(configuration: configuration, outputDirectory: outputDirectory, progress: progress, writers: Self.writers)
        run.extraInputs = [weights?.file, configuration.candidatesFile].compactMap { $0 }
        let layerName = layer, weights = weights
        let source = configuration.manifestPath ?? "command line"
        let weightWarnings = Warnings()
        let encodings = InputEncodingLog()
        // Checked once the territory is loaded and before anything is written.
        var (analysed, checked) = try await run.analyse { territory -> (Int, [Int]?) in
            let names = territory.input.serviceLayers.map(\.name)
            guard let index = names.firstIndex(of: layerName) else {
                throw ZonegriseError.invalidParameter(source: source, key: "--layer",
                                                      detail: "no service layer named \(layerName) (layers: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
            }
            let analysedCommunes = territory.input.communes.filter { territory.input.analysedCodes.contains($0.code) }.sorted { $0.code < $1.code }
            let read = try encodings.run {
                try weights.map { try WeightsReader(file: $0.file, column: $0.column).read(analysed: analysedCommunes, fusions: territory.fusions, warnings: weightWarnings) }
            }
            for warning in encodings.warnings(inOrder: encodings.decodings.keys.sorted()) { weightWarnings.add(warning) }
            return (index, read)
        }
        analysed.warnings.append(contentsOf: weightWarnings)
        let (index, weightValues) = checked
        let prepared = analysed.prepared
        let layer = analysed.territory.input.serviceLayers[index]
        let levelByCode = Dictionary(prepared.poles.map { ($0.code, $0.level) }, uniquingKeysWith: { first, _ in first })
        let chosen = candidates.candidates(prepared.communes, levels: prepared.communes.map { levelByCode[$0.code] ?? .aucun },
                                           existingSites: layer.sites)
        let places = chosen.map { Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres) }
        let result: RecommendationResult
        do {
            result = try analysed.timings.measure("recommend") {
                var recommender = try prepared.siteRecommendation(.layer(index), weights: weightValues)
                recommender.progress = progress
                switch objective {
                case let .maximalCovering(k): return try recommender.maximalCovering(candidates: places, ids: chosen.map(\.code), count: k)
                case .coverAll: return try recommender.coverAll(candidates: places, ids: chosen.map(\.code))
                }
            }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        let added = result.sites.enumerated().map { rank, site in
            ServiceSite(id: "reco-\(rank + 1)", name: "\(layer.label) recommandé \(rank + 1) (\(site.place.communeCode))",
                        communeCode: site.place.communeCode, point: site.place.point, format: "recommandation")
        }
        let objectiveName: String
        switch objective {
        case .maximalCovering: objectiveName = "maximal_covering"
        case .coverAll: objectiveName = "set_covering"
        }
        let weightName = weights.map { "\($0.file):\($0.column)" } ?? "population"
        let scenario = Scenario(name: "recommandation", label: "Sites recommandés (\(layer.label), \(added.count))",
                                layers: [layer.name: LayerChanges(added: added)])
        let outcome = try analysed.timings.measure("evaluate") { try prepared.evaluate(scenario, base: analysed.searches) }
        let recommendation = Recommendation(layer: layer.name, weightName: weightName, objective: objectiveName, communes: prepared.communes,
                                            weights: weightValues ?? prepared.communes.map(\.population), result: result,
                                            candidateCount: chosen.count, scenario: scenario,
                                            manifestPath: configuration.manifestPath ?? "")
        var territory = analysed.territory
        for (path, name) in encodings.encodingNames { territory.encodings[FilePaths.absolute(path)] = name }
        if let weights { territory.files.append((role: "weights", path: FilePaths.absolute(weights.file), vintage: InputFile.year(in: weights.file))) }
        let digests = AnalysisRun.digests(of: territory, known: analysed.knownDigests)
        defer { digests.cancel() }
        let shapes = try await run.shapes(of: analysed.result, territory: territory, timings: &analysed.timings, geometry: analysed.geometry)
        let outputs = AnalysisOutputs(result: analysed.result, territory: territory, warnings: analysed.warnings.all, comparisons: [outcome],
                                      recommendation: recommendation, polygons: shapes.tables)
        let written = try await analysed.timings.measureReporting("write outputs") {
            try await run.write(outputs, shapes: shapes.complete, model: analysed.model, digests: digests, transaction: analysed.transaction,
                                progress: $0)
        }
        analysed.timings.append(try await shapes.complete.value.timings)
        analysed.timings.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Report(recommendation: recommendation, outcome: outcome, base: analysed.result, outputs: written,
                      warnings: analysed.warnings.all, timings: analysed.timings, gammes: analysed.territory.input.gammes)
    }
}
