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

    /// One line (non-printable characters escaped, so a corrupt file never prints its
    /// bytes), ending with exactly one full stop or its own question mark: details built
    /// from a library's message often bring a full stop of their own.
    public var description: String {
        var line = MessageText.escaped(text)
        while let last = line.last, last == "." || last == " " { line.removeLast() }
        return line.hasSuffix("?") ? line : line + "."
    }

    /// The sentence as composed, before `description` escapes it and ends it.
    private var text: String {
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
            return "\(file): the header has no column \"\(column)\" (columns found: \(Self.columns(available)))."
        case let .invalidValue(file, line, field, value, expected):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(MessageText.excerpt(field)) is \"\(MessageText.excerpt(value))\", expected \(expected)."
        case let .duplicateCode(file, code, first, second):
            return "\(file): commune code \(MessageText.excerpt(code)) appears twice (\(first) and \(second))."
        case let .unknownCommune(file, line, code, what, hint):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(what) for commune \(MessageText.excerpt(code)), which is not in the commune geometry\(hint.isEmpty ? "" : "; \(hint)")."
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

    /// The columns of a header for a message, escaped: at most 12 names of at most 40
    /// characters each; a header that is not text (a binary or corrupt file) is shown as
    /// an excerpt of 40 characters.
    static func columns(_ names: [String]) -> String {
        let joined = names.joined(separator: ", ")
        if joined.unicodeScalars.contains(where: { !MessageText.isPrintable($0) }) {
            return "the first line is not text: \"\(MessageText.excerpt(joined))\""
        }
        let shown = names.prefix(12).map { MessageText.excerpt($0) }.joined(separator: ", ")
        return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
    }
}
