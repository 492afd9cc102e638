import ZonegriseCore
import ZonegriseOSM

/// Every error a user can cause with bad input, with the context needed to fix it.
///
/// Each case renders as one sentence naming the file, the line or feature and what is
/// wrong (`description`). The CLI prints it and exits with code 2. Programming errors
/// are not in here: they are preconditions.
public enum ZonegriseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, unreadable, a directory).
    case unreadable(file: String, reason: String)
    /// A file or folder of the results could not be written, created or moved into
    /// place; `reason` says which and why, starting with "cannot".
    case unwritable(file: String, reason: String)
    /// Another run (`process`, when its lock file says) is writing the same output folder.
    case outputFolderInUse(folder: String, process: Int?)
    /// Syntax error in a JSON, GeoJSON, CSV or YAML file; `line` is 1-based when known.
    case malformed(file: String, line: Int?, detail: String)
    /// A required column is absent from a CSV header.
    case missingColumn(file: String, column: String, available: [String])
    /// A value that does not have the expected form (`expected` says which).
    case invalidValue(file: String, line: Int?, field: String, value: String, expected: String)
    /// The same commune (or site) code appears twice where it must be unique.
    case duplicateCode(file: String, code: String, first: String, second: String)
    /// A row names a commune that is not in the commune geometry.
    case unknownCommune(file: String, line: Int?, code: String, what: String, hint: String)
    /// A GeoJSON feature is not usable (no geometry, wrong type, missing property).
    case invalidFeature(file: String, feature: Int, detail: String)
    /// A territory manifest or command-line parameter is wrong.
    case invalidParameter(source: String, key: String, detail: String)
    /// The inputs are consistent one by one but cannot make an analysis.
    case inconsistent(detail: String)
    /// The road network of the `osm` model cannot be built or read: its extract, car
    /// profile or graph cache (the sentence is the `OSMError`'s).
    case roadNetwork(OSMError)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)."
        case let .unwritable(file, reason):
            return "\(file): \(reason)."
        case let .outputFolderInUse(folder, process):
            return "\(folder): another zonegrise run\(process.map { " (process \($0))" } ?? "") is writing this output folder; wait for it to end or choose another output folder."
        case let .malformed(file, line, detail):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(detail)."
        case let .missingColumn(file, column, available):
            return "\(file): the header has no column \"\(column)\" (columns found: \(available.joined(separator: ", ")))."
        case let .invalidValue(file, line, field, value, expected):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(field) is \"\(value)\", expected \(expected)."
        case let .duplicateCode(file, code, first, second):
            return "\(file): commune code \(code) appears twice (\(first) and \(second))."
        case let .unknownCommune(file, line, code, what, hint):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(what) for commune \(code), which is not in the commune geometry\(hint.isEmpty ? "" : "; \(hint)")."
        case let .invalidFeature(file, feature, detail):
            return "\(file): feature \(feature): \(detail)."
        case let .invalidParameter(source, key, detail):
            return "\(source): \(key): \(detail)."
        case let .inconsistent(detail):
            return "\(detail)."
        case let .roadNetwork(error):
            return error.description
        }
    }
}
