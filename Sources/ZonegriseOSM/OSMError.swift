import ZonegriseCore

/// Every error a user can cause on the way from an OpenStreetMap extract to a road graph:
/// an extract, a car profile or a graph cache that cannot be used, with the context
/// needed to fix it.
///
/// Each case renders as one sentence naming the file (and the line and key of a profile
/// value) and what is wrong (`description`). `Zonegrise` wraps it in
/// `ZonegriseError.roadNetwork`, which prints the same sentence; the CLI exits with code 2.
public enum OSMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file could not be read at all (missing, unreadable, a directory), or the graph
    /// cache could not be written.
    case unreadable(file: String, reason: String)
    /// A file (the graph cache) could not be written; `reason` starts with "cannot".
    case unwritable(file: String, reason: String)
    /// An extract that is not OpenStreetMap data (truncated PBF, broken XML, wrong
    /// suffix) or a profile that is not YAML; `line` is 1-based when known.
    case malformed(file: String, line: Int?, detail: String)
    /// A car profile value that is missing, unknown or wrong; `source` is "file:line".
    case invalidProfileValue(source: String, key: String, detail: String)
    /// An extract was read but has no way a car may drive under the profile.
    case noDrivableRoad(file: String, profile: String, waysRead: Int, highwayWays: Int)
    /// A file at the graph cache path that is not a zonegrise graph cache (it is left alone).
    case foreignCache(file: String)
    /// A graph cache of the right extract, profile and format whose contents are cut short
    /// or inconsistent.
    case corruptCache(file: String)

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
        case let .malformed(file, line, detail):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(detail)."
        case let .invalidProfileValue(source, key, detail):
            return "\(source): \(key): \(detail)."
        case let .noDrivableRoad(file, profile, waysRead, highwayWays):
            return "\(file): no road is drivable under the \(profile) profile (\(waysRead) way(s) read, \(highwayWays) with a highway tag); is it the right OpenStreetMap extract?"
        case let .foreignCache(file):
            return "\(file): time_model.osm.cache: the file exists and is not a zonegrise graph cache, which zonegrise never overwrites; name another file for the cache."
        case let .corruptCache(file):
            return "\(file): the graph cache is truncated or corrupt; delete it to rebuild."
        }
    }
}
