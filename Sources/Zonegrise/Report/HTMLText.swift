/// Escaping for text and attribute values of the report's HTML and SVG.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A file or id name made of `[a-z0-9_-]` (other characters become `_`).
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}
