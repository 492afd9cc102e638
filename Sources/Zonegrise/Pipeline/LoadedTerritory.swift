import ZonegriseCore
import ZonegriseNative

/// The inputs of a run once read and matched: what the analysis needs, plus what the
/// writers and the run manifest need (polygons, provenance, counts).
public struct LoadedTerritory: Sendable {
    public var input: AnalysisInput
    /// Lambert-93 polygons of every loaded commune, by code.
    public var shapes: [String: MultiPolygon]
    /// The same polygons as read, longitude and latitude in degrees, for the communes
    /// whose file was in WGS84 and whose polygon was neither fused nor repaired
    /// (`wgs84Shape(of:using:)`).
    public var wgs84Shapes: [String: MultiPolygon] = [:]
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

extension LoadedTerritory {
    /// The WGS84 polygon of commune `code` for a GeoJSON output: its positions as read when
    /// the file was in WGS84 (no round trip through Lambert-93), otherwise its Lambert-93
    /// polygon projected with `transformer`.
    /// - Complexity: O(1) for a polygon kept as read; O(vertices) PROJ calls, about 0.3 µs
    ///   each, otherwise.
    func wgs84Shape(of code: String, using transformer: CoordinateTransformer) throws -> MultiPolygon {
        if let kept = wgs84Shapes[code] { return kept }
        return try transformer.transform(shapes[code]!)
    }
}

