import Foundation
import Zonegrise
import ZonegriseCore

/// What `zonegrise serve` loads once and every request reads: the territory, the time
/// model prepared for the analysed communes, the base analysis with its kept searches
/// (one per gamme and layer), the commune map, the scenario reader and the candidate
/// ranking of each layer. Immutable and `Sendable`: concurrent requests share it, each
/// evaluation has its own buffers.
public struct WhatIfState: Sendable {
    public let configuration: AnalysisConfiguration
    /// The manifest's absolute path: the `base` of the scenarios saved.
    public let manifestPath: String
    public let territory: LoadedTerritory
    public let prepared: PreparedAnalysis
    /// The base's kept searches, extended by what-ifs that only add.
    public let base: AnalysisSearches
    public let result: AnalysisResult
    /// The commune map of the page (nil: no page map, e.g. in benchmarks).
    public let map: CommuneMapShapes?
    public let reader: ScenarioTextReader
    /// Per service layer name: every candidate commune, best first.
    public let candidates: [String: [CandidateGain]]
    /// What loading reported (warnings of the analysis).
    public let warnings: [String]

    /// Loads and analyses the territory of `configuration` (as `zonegrise analyse`, no
    /// output written), draws the map and ranks the candidates.
    /// - Complexity: the analysis, the map's simplification, and one incremental
    ///   evaluation per analysed commune and layer (the candidate ranking).
    public static func load(configuration: AnalysisConfiguration, progress: ProgressReporter? = nil) async throws -> WhatIfState {
        let analysed = try await AnalysisRun.analysedInMemory(configuration: configuration, progress: progress)
        let map = try await CommuneMapShapes(result: analysed.result, territory: analysed.territory)
        return try await WhatIfState(configuration: configuration, territory: analysed.territory, prepared: analysed.prepared,
                                     base: analysed.searches, result: analysed.result, map: map, warnings: analysed.warnings.all.map(\.message))
    }

    /// A state from an analysis made elsewhere (a benchmark's prepared network).
    /// - Complexity: the scenario reader's polygon index, the model's preparation for
    ///   repeated additions (`PreparedAnalysis.forRepeatedAdditions`: the road graph's
    ///   chains contracted, about 0.15 s on a million nodes), and the candidate ranking
    ///   (when `rankingCandidates`).
    public init(configuration: AnalysisConfiguration, territory: LoadedTerritory, prepared: PreparedAnalysis, base: AnalysisSearches,
                result: AnalysisResult, map: CommuneMapShapes?, warnings: [String] = [], rankingCandidates: Bool = true) async throws {
        guard let manifest = configuration.manifestPath else {
            throw ZonegriseError.invalidParameter(source: "command line", key: "MANIFEST", detail: "zonegrise serve needs a territory manifest")
        }
        self.configuration = configuration
        manifestPath = FilePaths.absolute(manifest)
        self.territory = territory
        // Every request extends the base searches: with `osm`, on the contracted graph.
        let prepared = prepared.forRepeatedAdditions()
        self.prepared = prepared
        self.base = base
        self.result = result
        self.map = map
        self.warnings = warnings
        reader = try ScenarioTextReader(configuration: configuration, territory: territory, sourceName: "requête")
        var ranking: [String: [CandidateGain]] = [:]
        if rankingCandidates {
            for (index, layer) in territory.input.serviceLayers.enumerated() {
                ranking[layer.name] = try await Self.rank(prepared: prepared, layer: index)
            }
        }
        candidates = ranking
    }

    /// Every analysed commune (default `CandidateFilter`, as `zonegrise recommend`) as a
    /// candidate site of the layer, its gain alone on the base, best first.
    static func rank(prepared: PreparedAnalysis, layer index: Int) async throws -> [CandidateGain] {
        let layer = prepared.input.serviceLayers[index]
        let levelByCode = Dictionary(prepared.poles.map { ($0.code, $0.level) }, uniquingKeysWith: { first, _ in first })
        let chosen = CandidateFilter().candidates(prepared.communes, levels: prepared.communes.map { levelByCode[$0.code] ?? .aucun },
                                                  existingSites: layer.sites)
        let recommender: SiteRecommendation
        do { recommender = try prepared.siteRecommendation(.layer(index)) } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        let gains = try await Concurrency.map(chosen) { commune -> CandidateGain in
            let place = Place(communeCode: commune.code, point: commune.centre, communeAreaSquareMetres: commune.areaSquareMetres)
            let found = try recommender.marginalGain(adding: place, to: recommender.base)
            return CandidateGain(code: commune.code, nom: commune.nom, gainPopulation: found.weight, point: commune.centre)
        }
        return gains.sorted { ($0.gainPopulation, $1.code) > ($1.gainPopulation, $0.code) }
    }

    /// The names of the gammes then of the layers, in the order of `result.summaries`.
    public var subjectNames: [String] { Gamme.allCases.map(\.rawValue) + result.layers.map(\.name) }

    /// The access of every analysed commune for subject `position` (gammes then layers).
    func access(_ result: AnalysisResult, subject position: Int) -> [Access] {
        position < Gamme.allCases.count ? result.access[Gamme.allCases[position]]! : result.layerAccess[position - Gamme.allCases.count]
    }
}
