/// Figures written the French way in the report's text: thousands grouped by a narrow
/// no-break space (U+202F), a decimal comma, a no-break space (U+00A0) before `%` and
/// units (`12 345 habitants`, `6,6 %`, `30 min`). Deterministic, no locale.
///
/// Tables carry the CSV text of each figure beside it (`data-value`), so that the
/// report can be checked against the CSV files (docs/OUTPUTS.md, "rapport.html").
enum FrenchNumber {
    /// U+202F NARROW NO-BREAK SPACE, the thousands separator.
    static let thousandsSeparator = "\u{202F}"
    /// U+00A0 NO-BREAK SPACE, before `%` and units.
    static let unitSpace = "\u{00A0}"

    /// `1234567` → `1 234 567`; `-1234` → `−1 234` (U+2212 minus sign).
    static func integer(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += thousandsSeparator }
            out.append(digit)
        }
        return (value < 0 ? "\u{2212}" : "") + out
    }

    /// `value` with at most `decimals` digits after a decimal comma, thousands grouped
    /// (`1234.5` → `1 234,5`, `2.0` → `2`), rounded as the CSV files are (`DecimalText`).
    static func decimal(_ value: Double, decimals: Int) -> String {
        let text = DecimalText.format(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = integer(Int(parts[0]) ?? 0)
        return (negative ? "\u{2212}" : "") + whole + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// A share in percent with one decimal: `6.64` → `6,6 %`.
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        decimal(value, decimals: decimals) + unitSpace + "%"
    }

    /// Minutes: `30` → `30 min`, `12.5` → `12,5 min`.
    static func minutes(_ value: Double) -> String {
        decimal(value, decimals: 2) + unitSpace + "min"
    }

    /// `count` followed by the noun, in the plural from 2 on (French rule: 0 and 1 are
    /// singular): `1 commune`, `12 345 habitants`.
    static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        integer(count) + unitSpace + (abs(count) >= 2 ? plural : singular)
    }
}
