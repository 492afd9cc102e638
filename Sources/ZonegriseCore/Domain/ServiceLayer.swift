/// A layer of service sites checked against its own threshold (France Services at 30
/// minutes, METHOD.md §4), classified by the same engine as the gammes.
public struct ServiceLayer: Hashable, Sendable {
    /// Identifier used in output columns (`temps_<name>`, `hors_seuil_<name>`): `[a-z0-9_]+`.
    public var name: String
    /// Human label for reports ("France Services").
    public var label: String
    /// Acceptable time to the nearest site, in minutes.
    public var thresholdMinutes: Double
    public var sites: [ServiceSite]

    public init(name: String, label: String, thresholdMinutes: Double, sites: [ServiceSite]) {
        self.name = name
        self.label = label
        self.thresholdMinutes = thresholdMinutes
        self.sites = sites
    }

    /// True when `name` can be used in column names.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// One site of a service layer.
public struct ServiceSite: Hashable, Sendable {
    /// Identifier from the source (ANCT `id_fs`, a GeoJSON property) or the feature number.
    public var id: String
    public var name: String
    /// INSEE code of the commune the site is in (from the source, or located by polygon).
    public var communeCode: String
    /// Site position in Lambert-93 metres.
    public var point: PlanarPoint
    /// Free text from the source, e.g. ANCT `format_fs` (Fixe, Itinérante, Bus).
    public var format: String

    public init(id: String, name: String, communeCode: String, point: PlanarPoint, format: String = "") {
        self.id = id
        self.name = name
        self.communeCode = communeCode
        self.point = point
        self.format = format
    }
}
