import ZonegriseCore

/// The polygons of one run, dissolved from the commune shapes by GEOS (Lambert-93
/// metres): the travel-time bands of each gamme and the sectors (espaces à enjeux,
/// METHOD.md §4). Computed once per run, before the writers, and read by every output
/// that draws or stores polygons (GeoJSON, GeoPackage, report, maps).
public struct ResultPolygons: Sendable {
    /// Per gamme, one area per band that holds at least one analysed commune, in band
    /// order (0–10, 10–20, …, then the commune without a time, if any).
    public var bands: [Gamme: [BandArea]]
    /// The sectors at or above the minimum size, largest population first (ties by
    /// the smallest commune code); numbered 1… in that order.
    public var sectors: [Sector]
    /// The sectors below the minimum size (`secteurs.min_communes` /
    /// `secteurs.min_population` of the manifest), listed apart, in the same order,
    /// numbered after `sectors`.
    public var smallSectors: [Sector]
    /// The edge index of the analysed communes' shapes, in `AnalysisResult.communes`
    /// order, when the run dissolved polygons: the maps simplify the communes border by
    /// border from it (`SimplifiedCommunes`). Nil with `--outputs tables`.
    public var coverage: CoverageEdges?

    public init(bands: [Gamme: [BandArea]], sectors: [Sector], smallSectors: [Sector], coverage: CoverageEdges? = nil) {
        self.bands = bands
        self.sectors = sectors
        self.smallSectors = smallSectors
        self.coverage = coverage
    }

    /// No bands and no sectors (a run with no analysed commune).
    public static let empty = ResultPolygons(bands: [:], sectors: [], smallSectors: [])

    /// Every sector, the kept ones then the small ones.
    public var allSectors: [Sector] { sectors + smallSectors }
}

/// The union of the analysed communes of one gamme in one travel-time band.
public struct BandArea: Sendable {
    public var gamme: Gamme
    /// Index into the run's `BandScheme` (`AnalysisParameters.bands`); the last index
    /// past the schemes' bands is the "no time" band.
    public var band: Int
    /// The band's label as in `communes.geojson` (`0-10`, `30+`…).
    public var label: String
    public var communes: Int
    public var population: Int
    /// Lambert-93 metres, valid (GEOS union of the commune shapes).
    public var shape: MultiPolygon

    public init(gamme: Gamme, band: Int, label: String, communes: Int, population: Int, shape: MultiPolygon) {
        self.gamme = gamme
        self.band = band
        self.label = label
        self.communes = communes
        self.population = population
        self.shape = shape
    }
}

/// One espace à enjeux: analysed communes grey for at least one gamme that are
/// contiguous (they share a stretch of boundary, not just a point), merged.
public struct Sector: Sendable {
    /// `1…`, in the order of `ResultPolygons.allSectors`.
    public var number: Int
    /// `S001`, `S002`…: the number with three digits or more.
    public var id: String { "S" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number) }
    /// Indexes into `AnalysisResult.communes`, ordered by commune code.
    public var communeIndices: [Int]
    public var population: Int
    /// The gammes grey in at least one of its communes, in gamme order.
    public var lackingGammes: [Gamme]
    /// The superposition code of `lackingGammes` (`P--`, `-IS`, `PIS`…), as
    /// `code_enjeux` is written per commune.
    public var code: String
    /// Per gamme it lacks, the nearest pole codes of its communes for that gamme
    /// (distinct, most frequent first, ties by code).
    public var nearestPoles: [Gamme: [String]]
    /// The subdivisions its communes are in, as `scheme:code`, sorted.
    public var subdivisions: [String]
    /// Lambert-93 metres, valid (GEOS union of the commune shapes).
    public var shape: MultiPolygon
    /// True when below the manifest's minimum sector size (listed apart).
    public var isBelowMinimum: Bool

    public init(number: Int, communeIndices: [Int], population: Int, lackingGammes: [Gamme], code: String,
                nearestPoles: [Gamme: [String]], subdivisions: [String], shape: MultiPolygon, isBelowMinimum: Bool) {
        self.number = number
        self.communeIndices = communeIndices
        self.population = population
        self.lackingGammes = lackingGammes
        self.code = code
        self.nearestPoles = nearestPoles
        self.subdivisions = subdivisions
        self.shape = shape
        self.isBelowMinimum = isBelowMinimum
    }
}
