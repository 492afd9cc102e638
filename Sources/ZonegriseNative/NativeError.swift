/// Failures reported by the C libraries behind `ZonegriseNative`.
///
/// Each case carries the operation or file it concerns and the library's own message,
/// so the description is one self-contained sentence.
package enum NativeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A GEOS call failed or returned an unusable result. `operation` names the step
    /// ("make valid", "point on surface", "build polygon 2 ring 0"), `message` is the
    /// text captured from the GEOS error handler, or our own explanation.
    case geos(operation: String, message: String)
    /// A PROJ call failed: `operation` names the step, `message` the PROJ log text.
    case proj(operation: String, message: String)
    /// A gzip stream could not be decompressed. `source` names the file (or buffer)
    /// for the message.
    case gzip(source: String, message: String)
    /// A file could not be opened or read.
    case io(path: String, message: String)
    /// An OpenStreetMap file (.osm, .pbf) could not be read: a wrong suffix, or readosm
    /// failed (`message` gives its code in words and what was read before the failure).
    case osm(path: String, message: String)
    /// A GDAL/OGR call failed: `operation` names the step ("create the GeoPackage layer
    /// communes", "open communes.gpkg"), `message` is `CPLGetLastErrorMsg` or our own text.
    case gdal(operation: String, message: String)
    /// A vector file (Shapefile, GeoPackage) read through OGR cannot be used as asked:
    /// no such layer, no coordinate system… `message` is a clause naming what is wrong.
    case vector(path: String, message: String)

    package var description: String {
        switch self {
        case let .geos(operation, message):
            "GEOS failed to \(operation): \(Self.sentenceEnd(message))"
        case let .proj(operation, message):
            "PROJ failed to \(operation): \(Self.sentenceEnd(message))"
        case let .gzip(source, message):
            "Cannot decompress \(source): \(Self.sentenceEnd(message))"
        case let .io(path, message):
            "Cannot read \(path): \(Self.sentenceEnd(message))"
        case let .osm(path, message):
            "Cannot read the OpenStreetMap file \(path): \(Self.sentenceEnd(message))"
        case let .gdal(operation, message):
            "GDAL failed to \(operation): \(Self.sentenceEnd(message))"
        case let .vector(path, message):
            "\(path): \(Self.sentenceEnd(message))"
        }
    }

    /// What went wrong, as a clause to end another sentence (no subject file, no final
    /// full stop): "PROJ failed to transform a point: …", "incorrect header check".
    package var reason: String {
        let text: String
        switch self {
        case let .geos(operation, message): text = "GEOS failed to \(operation): \(message)"
        case let .proj(operation, message): text = "PROJ failed to \(operation): \(message)"
        case let .gdal(operation, message): text = "GDAL failed to \(operation): \(message)"
        case let .vector(_, message): text = message
        case let .gzip(_, message), let .io(_, message), let .osm(_, message): text = message
        }
        var clause = text
        while clause.hasSuffix(".") { clause.removeLast() }
        return clause
    }

    /// The clause of `error` for a sentence of another module: a `NativeError`'s
    /// `reason`, any other error's description without its final full stop.
    package static func reason(of error: any Error) -> String {
        if let native = error as? NativeError { return native.reason }
        var clause = "\(error)"
        while clause.hasSuffix(".") { clause.removeLast() }
        return clause
    }

    /// `text` ending with one full stop: library messages sometimes bring their own.
    private static func sentenceEnd(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
