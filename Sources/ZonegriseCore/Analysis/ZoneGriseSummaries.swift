/// The aggregates of METHOD.md §4: communes, inhabitants and share of the population
/// beyond the threshold, per gamme then per layer, for the analysis area and for each
/// subdivision.
public struct ZoneGriseSummaries: Sendable {
    public var parameters: AnalysisParameters
    /// The analysed communes, in the order of the access arrays.
    public var communes: [Commune]
    public var layers: [ServiceLayer]

    public init(parameters: AnalysisParameters, communes: [Commune], layers: [ServiceLayer]) {
        self.parameters = parameters
        self.communes = communes
        self.layers = layers
    }

    /// One row per gamme then per layer, for every commune.
    /// - Complexity: O(communes × (gammes + layers)).
    public func area(access: [Gamme: [Access]], layerAccess: [[Access]]) -> [ZoneGriseSummary] {
        rows(Array(communes.indices), access: access, layerAccess: layerAccess)
    }

    /// Per scheme (input order), per subdivision code (sorted), one row per gamme then
    /// per layer; communes a scheme does not cover are under `SubdivisionScheme.unassigned`.
    /// - Complexity: O(schemes × communes × (gammes + layers)).
    public func subdivisions(_ schemes: [SubdivisionScheme], access: [Gamme: [Access]], layerAccess: [[Access]]) -> [SubdivisionSummary] {
        var result: [SubdivisionSummary] = []
        for scheme in schemes {
            var members: [String: [Int]] = [:]
            for (i, commune) in communes.enumerated() {
                members[scheme.subdivisionOfCommune[commune.code] ?? SubdivisionScheme.unassigned, default: []].append(i)
            }
            for code in members.keys.sorted() {
                for row in rows(members[code]!, access: access, layerAccess: layerAccess) {
                    result.append(SubdivisionSummary(scheme: scheme.name, code: code, nom: scheme.names[code] ?? "", summary: row))
                }
            }
        }
        return result
    }

    /// The rows of one group of communes (indices into `communes`).
    public func rows(_ members: [Int], access: [Gamme: [Access]], layerAccess: [[Access]]) -> [ZoneGriseSummary] {
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
