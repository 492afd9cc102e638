/// The diagnosis of METHOD.md §2–§4: poles, nearest pole per gamme, zones grises,
/// bands, superposition, service layers and aggregates.
///
/// One `nearest` call per gamme and per layer: the cost is that of the time model
/// (for `crowfly` about O(communes) per gamme after an O(poles) grid build).
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

    public func run(_ input: AnalysisInput, timeModel: any TravelTimeModel) throws -> AnalysisResult {
        let all = input.communes.sorted { $0.code < $1.code }
        let analysed = all.filter { input.analysedCodes.contains($0.code) }
        let origins = analysed.map { Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres) }
        let horizon = horizonMinutes(layers: input.serviceLayers)

        let own = parameters.poles.ownPoleGammes(typesByCommune: all.map { input.typesByCommune[$0.code] ?? [] },
                                                 table: input.gammes)
        var poles: [PoleRecord] = []
        for (commune, gammes) in zip(all, own) where !gammes.isEmpty {
            let served = Gamme.allCases.filter { parameters.poles.counts(gammes, asPoleOf: $0) }
            poles.append(PoleRecord(code: commune.code, nom: commune.nom, centre: commune.centre,
                                    level: PoleLevel(gammes.max()), servedGammes: served,
                                    inAnalysisArea: input.analysedCodes.contains(commune.code)))
        }
        let levelByCode = Dictionary(uniqueKeysWithValues: poles.map { ($0.code, $0.level) })

        var access: [Gamme: [Access]] = [:]
        for gamme in Gamme.allCases {
            let gammePoles = poles.filter { $0.servedGammes.contains(gamme) }
            let targets = gammePoles.map { Place(communeCode: $0.code, point: $0.centre) }
            let found = targets.isEmpty ? Array(repeating: nil, count: origins.count)
                : try timeModel.nearest(from: origins, to: targets, horizonMinutes: horizon)
            access[gamme] = classify(found, targetIDs: gammePoles.map(\.code), threshold: parameters.threshold(gamme))
        }
        var layerAccess: [[Access]] = []
        for layer in input.serviceLayers {
            let targets = layer.sites.map { Place(communeCode: $0.communeCode, point: $0.point) }
            let found = targets.isEmpty ? Array(repeating: nil, count: origins.count)
                : try timeModel.nearest(from: origins, to: targets, horizonMinutes: horizon)
            layerAccess.append(classify(found, targetIDs: layer.sites.map(\.id), threshold: layer.thresholdMinutes))
        }

        var greyCounts: [Int] = []
        var codes: [String] = []
        for i in analysed.indices {
            let grey = Gamme.allCases.map { access[$0]![i].isBeyond }
            greyCounts.append(grey.filter { $0 }.count)
            codes.append(String(zip(Gamme.allCases, grey).map { $1 ? $0.letter : "-" }))
        }

        let summaries = summarise(analysed.indices.map { $0 }, communes: analysed, access: access,
                                  layers: input.serviceLayers, layerAccess: layerAccess)
        var subdivisionSummaries: [SubdivisionSummary] = []
        for scheme in input.subdivisions {
            var members: [String: [Int]] = [:]
            for (i, commune) in analysed.enumerated() {
                members[scheme.subdivisionOfCommune[commune.code] ?? SubdivisionScheme.unassigned, default: []].append(i)
            }
            for code in members.keys.sorted() {
                for row in summarise(members[code]!, communes: analysed, access: access,
                                     layers: input.serviceLayers, layerAccess: layerAccess) {
                    subdivisionSummaries.append(SubdivisionSummary(scheme: scheme.name, code: code,
                                                                   nom: scheme.names[code] ?? "", summary: row))
                }
            }
        }

        return AnalysisResult(communes: analysed,
                              poleLevels: analysed.map { levelByCode[$0.code] ?? .aucun },
                              access: access, layers: input.serviceLayers, layerAccess: layerAccess,
                              greyGammeCounts: greyCounts, codesEnjeux: codes, poles: poles,
                              summaries: summaries, subdivisionSummaries: subdivisionSummaries,
                              parameters: parameters, horizonMinutes: horizon)
    }

    /// Rounds times to hundredths of a minute once, so that printed and compared values agree.
    public static func roundedMinutes(_ minutes: Double) -> Double { (minutes * 100).rounded() / 100 }

    private func classify(_ found: [NearestTarget?], targetIDs: [String], threshold: Double) -> [Access] {
        found.map { hit in
            let minutes = hit.map { Self.roundedMinutes($0.minutes) }
            return Access(minutes: minutes, target: hit.map { targetIDs[$0.target] },
                          band: parameters.bands.band(of: minutes),
                          isBeyond: parameters.comparison.isBeyond(minutes, threshold: threshold))
        }
    }

    private func summarise(_ members: [Int], communes: [Commune], access: [Gamme: [Access]],
                           layers: [ServiceLayer], layerAccess: [[Access]]) -> [ZoneGriseSummary] {
        let totalPopulation = members.reduce(0) { $0 + communes[$1].population }
        func row(_ name: String, _ threshold: Double, _ rows: [Access]) -> ZoneGriseSummary {
            let beyond = members.filter { rows[$0].isBeyond }
            return ZoneGriseSummary(name: name, thresholdMinutes: threshold, communes: beyond.count,
                                    population: beyond.reduce(0) { $0 + communes[$1].population },
                                    totalCommunes: members.count, totalPopulation: totalPopulation)
        }
        return Gamme.allCases.map { row($0.rawValue, parameters.threshold($0), access[$0]!) }
            + zip(layers, layerAccess).map { row($0.name, $0.thresholdMinutes, $1) }
    }
}
