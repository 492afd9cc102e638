/// Everything the analysis needs, already read, matched and projected to Lambert-93.
public struct AnalysisInput: Sendable {
    /// Communes of the service area (the analysis area included), any order, unique codes.
    public var communes: [Commune]
    /// Codes of the communes to classify (a subset of `communes`).
    public var analysedCodes: Set<String>
    /// Equipment types present (count > 0) per commune code.
    public var typesByCommune: [String: Set<String>]
    public var gammes: GammeTable
    public var serviceLayers: [ServiceLayer]
    public var subdivisions: [SubdivisionScheme]

    public init(communes: [Commune], analysedCodes: Set<String>, typesByCommune: [String: Set<String>], gammes: GammeTable,
                serviceLayers: [ServiceLayer] = [], subdivisions: [SubdivisionScheme] = []) {
        self.communes = communes
        self.analysedCodes = analysedCodes
        self.typesByCommune = typesByCommune
        self.gammes = gammes
        self.serviceLayers = serviceLayers
        self.subdivisions = subdivisions
    }
}

/// A partition of the analysed communes into arrondissements, cantons, EPCI…
public struct SubdivisionScheme: Hashable, Sendable {
    /// Identifier for outputs (`arrondissement`), `[a-z0-9_]+`.
    public var name: String
    /// Commune code → subdivision code.
    public var subdivisionOfCommune: [String: String]
    /// Subdivision code → name (may be empty).
    public var names: [String: String]

    public init(name: String, subdivisionOfCommune: [String: String], names: [String: String]) {
        self.name = name
        self.subdivisionOfCommune = subdivisionOfCommune
        self.names = names
    }

    /// The code given to communes the scheme does not cover.
    public static let unassigned = "(aucune)"
}
