import ZonegriseCore

/// The inputs of a run once read and matched: what the analysis needs, plus what the
/// writers and the run manifest need (polygons, provenance, counts).
public struct LoadedTerritory: Sendable {
    public var input: AnalysisInput
    /// Lambert-93 polygons of every loaded commune, by code.
    public var shapes: [String: MultiPolygon]
    /// Every input file: role, path, vintage.
    public var files: [(role: String, path: String, vintage: String?)]
    /// Figures for the manifest (`communes_repaired`, `sites_france_services`…).
    public var counts: [(String, Int)]
    /// The encoding each input was read in, by path, when it was not UTF-8
    /// (`windows-1252`); written in the run manifest.
    public var encodings: [String: String] = [:]
    /// Where the gamme table was found when `gammes.file` is a workbook (sheet and header
    /// row), for the run manifest; nil for a CSV table or derived gammes.
    var gammeSheet: GammeWorkbookReader.Location?
    /// Old code → code of the geometry for every fusion applied to rows: the declared
    /// `communes.fusions` and those the COG gave (`communes.cog_file`).
    public var fusions: [String: String] = [:]
}
