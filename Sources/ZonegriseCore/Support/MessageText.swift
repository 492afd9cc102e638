/// Text of an input quoted in an error message, made safe for a terminal: a corrupt or
/// binary file must not print its bytes, and a sentence stays on one line.
///
/// Non-printable characters (controls, line breaks, format characters, unassigned or
/// private-use scalars, U+FFFD, the mark of bytes that were not UTF-8) are written as
/// `\xNN` (or `\u{NNNN}` above U+00FF); an excerpt keeps at most `excerptLength`
/// characters and ends with `…` when cut.
public enum MessageText {
    /// Characters of an excerpt (a value, a column name, a code) before it is cut.
    public static let excerptLength = 40

    /// `text` escaped and cut to at most `limit` characters (plus `…`).
    /// - Complexity: O(limit).
    public static func excerpt(_ text: String, limit: Int = excerptLength) -> String {
        var result = ""
        var kept = 0
        for scalar in text.unicodeScalars {
            if kept == limit { return result + "…" }
            result += escaped(scalar)
            kept += 1
        }
        return result
    }

    /// `text` with every non-printable character escaped, whatever its length.
    /// - Complexity: O(length).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isPrintable($0) }) else { return text }
        return text.unicodeScalars.map(escaped).joined()
    }

    /// True when `scalar` can be shown as itself on a terminal.
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.value == 0xFFFD { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        guard !isPrintable(scalar) else { return String(scalar) }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
    }
}
