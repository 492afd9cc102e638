/// A commune as the analysis sees it: identity, inhabitants and a centre in Lambert-93.
///
/// Polygons stay with the readers and writers; the analysis needs only the centre
/// (point on surface, or a supplied point) and the area (for the intra-commune term).
public struct Commune: Hashable, Sendable {
    /// INSEE code (COG), always 5 characters (`62041`, `2A004`).
    public var code: String
    /// Official name, UTF-8 with accents.
    public var nom: String
    /// Population municipale (inhabitants); 0 when no population row was found.
    public var population: Int
    /// Commune centre in Lambert-93 metres.
    public var centre: PlanarPoint
    /// Area of the polygon in square metres (Lambert-93).
    public var areaSquareMetres: Double

    public init(code: String, nom: String, population: Int, centre: PlanarPoint, areaSquareMetres: Double) {
        self.code = code
        self.nom = nom
        self.population = population
        self.centre = centre
        self.areaSquareMetres = areaSquareMetres
    }

    /// The département of the code: 3 characters overseas (`971`…), 2 otherwise (`2A`, `62`).
    public var departement: String { Commune.departement(ofCode: code) }

    public static func departement(ofCode code: String) -> String {
        code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }
}
