import ZonegriseCore

/// One file of a run's outputs: its name in the output folder and its bytes.
public struct OutputFile: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// The output seam: a writer turns one run's result into files, and the run stages,
/// hashes and commits them (all or nothing) with the others and the run manifest.
///
/// Writers are values in `AnalysisRun.writers`, rendered concurrently and written in
/// list order, so that a new output (GeoPackage, report, sector polygons, comparison
/// tables) plugs in without touching the pipeline. A writer only formats: it reads
/// `AnalysisOutputs` (the row schema of docs/OUTPUTS.md) and touches no file. A writer of
/// the `tables` group gets the outputs before the polygons are dissolved: the sectors are
/// numbered, with their communes and figures, but have no shape and there is no band area
/// (as in a run with `--outputs tables`).
public protocol OutputWriter: Sendable {
    /// The files for this run, in order; empty when the run has nothing for this
    /// writer (e.g. no subdivisions).
    func files(for outputs: AnalysisOutputs) async throws -> [OutputFile]

    /// The group the user selects this output by (`outputs` in the manifest,
    /// `--outputs`); `tables` unless the writer says otherwise.
    var group: OutputGroup { get }
}

extension OutputWriter {
    public var group: OutputGroup { .tables }
}

/// A writer whose library writes its file itself (the GeoPackage, through GDAL): in a
/// run, it writes straight into the staging folder instead of handing bytes over, which
/// saves building the file in memory and copying it (on France, 83 MB and about 0.4 s
/// of CPU). The same bytes as `files(for:)`.
protocol StagingOutputWriter: OutputWriter {
    /// Writes this run's files into `transaction`'s staging folder. `outputs` holds the
    /// sectors without their shapes (what the tables read); `complete`, the same
    /// outputs with the polygons and maps, once they are dissolved and drawn: a writer
    /// starts on what needs no polygon.
    /// - Returns: the names staged, in order.
    func stage(for outputs: AnalysisOutputs, complete: Task<AnalysisOutputs, any Error>, into transaction: OutputTransaction) async throws -> [String]
}

/// The outputs a run writes, by group (`outputs:` in the manifest, `--outputs` on the
/// command line; default: all). `manifest.json` and `LISEZMOI.txt` are always written.
public enum OutputGroup: String, CaseIterable, Sendable {
    /// The commune, pole, zone-grise, subdivision, gamme and comparison tables and
    /// points (GeoJSON and CSV), the sector table included.
    case tables
    /// The dissolved polygons: `secteurs.geojson`, `bandes_G.geojson`.
    case polygones
    /// `resultats.gpkg`.
    case geopackage
    /// `rapport.html` and `cartes/*.svg`.
    case rapport
}

/// `communes.geojson`: one RFC 7946 feature per analysed commune, every column.
public struct CommunesGeoJSONOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) async throws -> [OutputFile] {
        [OutputFile(name: "communes.geojson", bytes: try await outputs.communesGeoJSON())]
    }
}

/// `communes.csv`: the same columns as `communes.geojson`, without geometry.
public struct CommunesCSVOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "communes.csv", bytes: outputs.communesCSV())]
    }
}

/// `poles.geojson`: the poles of the service area as points.
public struct PolesGeoJSONOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) throws -> [OutputFile] {
        [OutputFile(name: "poles.geojson", bytes: try outputs.polesGeoJSON())]
    }
}

/// `zones_grises.csv`: the aggregates per gamme and layer.
public struct ZonesGrisesCSVOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "zones_grises.csv", bytes: outputs.zonesGrisesCSV())]
    }
}

/// `zones_grises_par_subdivision.csv`, when subdivisions were given.
public struct SubdivisionsCSVOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        outputs.result.subdivisionSummaries.isEmpty ? []
            : [OutputFile(name: "zones_grises_par_subdivision.csv", bytes: outputs.subdivisionsCSV())]
    }
}

/// `gammes.csv`: the gamme table used, in editable form.
public struct GammesCSVOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "gammes.csv", bytes: outputs.gammesCSV())]
    }
}

/// `secteurs.geojson`: one feature per sector (espace à enjeux), small ones included
/// and flagged.
public struct SectorsGeoJSONOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) async throws -> [OutputFile] {
        [OutputFile(name: "secteurs.geojson", bytes: try await outputs.sectorsGeoJSON())]
    }

    public var group: OutputGroup { .polygones }
}

/// `secteurs.csv`: the same columns as `secteurs.geojson`, without geometry.
public struct SectorsCSVOutput: OutputWriter {
    public init() {}

    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "secteurs.csv", bytes: outputs.sectorsCSV())]
    }
}

/// `bandes_G.geojson` per gamme: one multipolygon per travel-time band.
public struct BandsGeoJSONOutput: OutputWriter {
    public init() {}

    /// One file per gamme, rendered concurrently.
    public func files(for outputs: AnalysisOutputs) async throws -> [OutputFile] {
        try await Concurrency.map(Gamme.allCases) { OutputFile(name: "bandes_\($0.rawValue).geojson", bytes: try await outputs.bandsGeoJSON($0)) }
    }

    public var group: OutputGroup { .polygones }
}
