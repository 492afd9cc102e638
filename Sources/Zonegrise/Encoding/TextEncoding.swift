/// The character encoding of a text input (CSV, GeoJSON), as declared by the manifest's
/// `encoding` key of that input (docs/MANIFEST.md), or found by `InputBytes`.
public enum TextEncoding: String, CaseIterable, Hashable, Sendable {
    /// UTF-8 (the default; a byte order mark is allowed).
    case utf8 = "utf-8"
    /// Windows-1252, the "Latin-1" of INSEE and IGN files of several vintages (ISO 8859-1
    /// is its subset for every printable character).
    case windows1252 = "windows-1252"

    /// The names accepted in a manifest, lower-cased: `utf8`, `utf-8`; `latin1`,
    /// `latin-1`, `iso-8859-1`, `windows-1252`, `cp1252`.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf8", "utf-8": self = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "windows1252", "cp1252": self = .windows1252
        default: return nil
        }
    }

    /// The names a manifest may give, for messages.
    public static let acceptedNames = "utf8 (or utf-8), latin1 (or windows-1252, cp1252)"
}
