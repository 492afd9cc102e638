/// Something a run skipped, repaired, guessed or could not do well, as a value a report,
/// a server or a test can read field by field; `message` is the one sentence printed.
///
/// Warnings never stop a run: errors do (`ZonegriseError`).
public struct RunWarning: Hashable, Sendable, CustomStringConvertible {
    /// What happened, as a stable identifier (`polygons_repaired`, `road_islands_dropped`…).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Commune polygons repaired with GEOS make-valid.
        case polygonsRepaired = "polygons_repaired"
        /// A commune merged into another by `communes.fusions`.
        case communeMerged = "commune_merged"
        /// Communes déléguées or associées merged into their commune by the COG (`communes.cog_file`).
        case communesMergedByCOG = "communes_merged_by_cog"
        /// A `communes.fusions` entry whose old commune is not in the files.
        case fusionWithoutCommune = "fusion_without_commune"
        /// Population rows of Paris, Lyon or Marseille arrondissements ignored.
        case arrondissementRowsIgnored = "arrondissement_rows_ignored"
        /// Communes of the geometry without a population row (0 inhabitants).
        case communesWithoutPopulation = "communes_without_population"
        /// Rows of an input for communes not in the geometry, skipped (`unmatched_rows: warn`).
        case unmatchedRowsSkipped = "unmatched_rows_skipped"
        /// Equipment rows without coordinates, located at their commune.
        case equipmentUnlocated = "equipment_unlocated"
        /// No gamme table given: gammes derived.
        case gammesDerived = "gammes_derived"
        /// Service sites placed at their commune's centre, located by polygon, or skipped.
        case sitesAtCommuneCentre = "sites_at_commune_centre"
        case sitesLocatedByPolygon = "sites_located_by_polygon"
        case sitesOutsideSkipped = "sites_outside_skipped"
        /// A service layer without any site in the loaded départements.
        case layerWithoutSites = "layer_without_sites"
        /// Communes outside every subdivision polygon, or without a subdivision row.
        case communesWithoutSubdivision = "communes_without_subdivision"
        /// OSM ways whose tags could not be read and got a default, or were skipped.
        case roadTagsReplaced = "road_tags_replaced"
        /// Road ways referring to nodes absent from the extract; their segments skipped.
        case roadNodesMissing = "road_nodes_missing"
        /// A road graph cache of another extract, profile or format, rebuilt.
        case graphCacheRebuilt = "graph_cache_rebuilt"
        /// Road nodes outside the largest strongly connected component, dropped.
        case roadIslandsDropped = "road_islands_dropped"
        /// Commune centres or service sites farther than `max_snap_metres` from any road.
        case farFromRoad = "far_from_road"
        /// A CSV or GeoJSON input that is not UTF-8, read as Windows-1252 (no `encoding` declared).
        case inputNotUTF8 = "input_not_utf8"
    }

    public var kind: Kind
    /// The input file concerned, when there is one.
    public var file: String?
    /// How many communes, rows, sites, nodes… it concerns.
    public var count: Int
    /// The first few of them (codes, ids, `code (reason)`), at most five as a rule.
    public var examples: [String]
    /// The sentence printed and written in the run manifest.
    public var message: String

    public init(_ kind: Kind, file: String? = nil, count: Int, examples: [String] = [], message: String) {
        self.kind = kind
        self.file = file
        self.count = count
        self.examples = examples
        self.message = message
    }

    public var description: String { message }
}
