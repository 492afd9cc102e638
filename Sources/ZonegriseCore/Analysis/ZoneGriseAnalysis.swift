/// The diagnosis of METHOD.md §2–§4: poles, nearest pole per gamme, zones grises,
/// bands, superposition, service layers and aggregates.
///
/// `run` is the whole diagnosis in one call; its steps are public on
/// `PreparedAnalysis` (prepare once, then search, classify and summarise, each again
/// for what changed). One search per gamme and per layer: the cost is that of the time
/// model (for `crowfly` about O(communes) per gamme after an O(poles) grid build).
public struct ZoneGriseAnalysis: Sendable {
    public var parameters: AnalysisParameters

    public init(parameters: AnalysisParameters = AnalysisParameters()) {
        self.parameters = parameters
    }

    /// The horizon given to time models: past every threshold and band limit, with a
    /// margin so that times just beyond a threshold are still measured.
    public func horizonMinutes(layers: [ServiceLayer]) -> Double {
        let limits = Gamme.allCases.map(parameters.threshold) + layers.map(\.thresholdMinutes) + parameters.bands.limitsMinutes
        return (limits.max() ?? 30) * 2
    }

    /// The poles of the service area, sorted by code: each commune's own pole gammes
    /// (METHOD.md §2), then the gammes it serves with the hierarchy option.
    /// - Complexity: O(communes × types of the table).
    public func poles(_ input: AnalysisInput) -> [PoleRecord] {
        let all = input.communes.sorted { $0.code < $1.code }
        let own = parameters.poles.ownPoleGammes(typesByCommune: all.map { input.typesByCommune[$0.code] ?? [] }, table: input.gammes)
        var poles: [PoleRecord] = []
        for (commune, gammes) in zip(all, own) where !gammes.isEmpty {
            let served = Gamme.allCases.filter { parameters.poles.counts(gammes, asPoleOf: $0) }
            poles.append(PoleRecord(code: commune.code, nom: commune.nom, centre: commune.centre,
                                    level: PoleLevel(gammes.max()), servedGammes: served,
                                    inAnalysisArea: input.analysedCodes.contains(commune.code)))
        }
        return poles
    }

    /// Poles, origins prepared on the time model: the state every later step reuses.
    public func prepare(_ input: AnalysisInput, timeModel: any TravelTimeModel) throws -> PreparedAnalysis {
        try PreparedAnalysis(input: input, parameters: parameters, timeModel: timeModel)
    }

    /// The whole diagnosis; the gammes and layers are searched concurrently.
    public func run(_ input: AnalysisInput, timeModel: any TravelTimeModel) async throws -> AnalysisResult {
        let prepared = try prepare(input, timeModel: timeModel)
        return prepared.result(try await prepared.searchAll())
    }

    /// The whole diagnosis on the calling thread, one search after the other.
    public func runSequentially(_ input: AnalysisInput, timeModel: any TravelTimeModel) throws -> AnalysisResult {
        let prepared = try prepare(input, timeModel: timeModel)
        return prepared.result(try prepared.searchAllSequentially())
    }

    /// Rounds times to hundredths of a minute once, so that printed and compared values agree.
    public static func roundedMinutes(_ minutes: Double) -> Double { (minutes * 100).rounded() / 100 }
}
