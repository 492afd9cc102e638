/// How a geometry input is read: GeoJSON by zonegrise's own fast parser, Shapefile and
/// GeoPackage through GDAL/OGR (`VectorFileReader`). Chosen by the manifest's `format`
/// key, else by the file's extension (`.shp`, `.gpkg`; anything else keeps the GeoJSON
/// path, or the CSV one where an input may be a table).
public enum VectorInputFormat: String, CaseIterable, Hashable, Sendable {
    case geojson
    case shapefile
    case geopackage

    /// The format of `path`: `declared` when given, else by extension; nil when the
    /// extension names no OGR format (the existing GeoJSON or CSV reading applies).
    static func resolve(path: String, declared: VectorInputFormat?) -> VectorInputFormat? {
        if let declared { return declared }
        let lower = path.lowercased()
        if lower.hasSuffix(".shp") { return .shapefile }
        if lower.hasSuffix(".gpkg") { return .geopackage }
        return nil
    }

    /// True when the input is read through OGR.
    static func readsThroughOGR(path: String, declared: VectorInputFormat?) -> Bool {
        guard let format = resolve(path: path, declared: declared) else { return false }
        return format != .geojson
    }

    /// The accepted `format` values, for messages.
    static var acceptedNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
