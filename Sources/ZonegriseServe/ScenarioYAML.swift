import Foundation
import Zonegrise

/// The what-if changes of a request (JSON, docs/SERVE.md) as the text of a scenario file
/// (docs/SCENARIOS.md) for `zonegrise compare`: the request's `layers` and `poles` as
/// they are, with `version: 1`, the name (default `seance`), the label and the base
/// manifest's absolute path. Block-style YAML, strings double-quoted (JSON's escapes
/// are YAML's), mapping keys sorted: the same changes give the same bytes.
enum ScenarioYAML {
    /// Keys a request may have at its top level.
    static let requestKeys: Set<String> = ["name", "label", "layers", "poles"]

    /// - Throws: `WhatIfError` (400) for a body that is not an object or has other keys.
    /// - Complexity: O(size of the request).
    static func text(of request: JSONValue, manifestPath: String) throws(WhatIfError) -> String {
        guard case let .object(members) = request else {
            throw WhatIfError("the request body must be a JSON object of changes (layers, poles), see docs/SERVE.md")
        }
        if let unknown = members.keys.sorted().first(where: { !requestKeys.contains($0) }) {
            throw WhatIfError("unknown key \"\(unknown)\" in the request (keys: label, layers, name, poles)")
        }
        var name = "seance"
        if let given = request["name"] {
            guard case let .string(text) = given else { throw WhatIfError("name must be a string of lower-case letters, digits and _") }
            name = text
        }
        var out = "version: 1\nname: \(quoted(name))\n"
        if let label = request["label"] {
            guard case let .string(text) = label else { throw WhatIfError("label must be a string") }
            out += "label: \(quoted(text))\n"
        }
        out += "base: \(quoted(manifestPath))\n"
        for key in ["layers", "poles"] {
            guard let value = request[key] else { continue }
            if case .object(let inner) = value, inner.isEmpty { continue }
            out += key + ":"
            emit(value, indent: 0, into: &out)
        }
        return out
    }

    /// Parses a request body with the project's JSON parser (`JSONParser`).
    /// - Throws: `WhatIfError` (400) when the body is not JSON.
    static func request(_ bytes: [UInt8]) throws(WhatIfError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes, file: "request")
        } catch {
            throw WhatIfError("the request body is not valid JSON (an object of changes is expected, see docs/SERVE.md)")
        }
    }

    /// A string as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80 ..< 0xa0).contains(scalar.value) || scalar.value == 0xfeff {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number as YAML reads it back to the same double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Appends `value` after a key's colon (or a list dash): a scalar on the same line,
    /// a non-empty mapping or list on the following lines, indented.
    private static func emit(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case .null: out += " null\n"
        case let .bool(flag): out += flag ? " true\n" : " false\n"
        case let .number(x): out += " \(number(x))\n"
        case let .string(text): out += " \(quoted(text))\n"
        case let .array(items):
            if items.isEmpty { out += " []\n"; return }
            out += "\n"
            for item in items {
                out += pad + "-"
                if case let .object(members) = item, !members.isEmpty {
                    // The first key on the dash's line, the others aligned with it.
                    for (i, key) in members.keys.sorted().enumerated() {
                        out += (i == 0 ? " " : pad + "  ") + quoted(key) + ":"
                        emit(members[key]!, indent: indent + 4, into: &out)
                    }
                } else {
                    emit(item, indent: indent + 2, into: &out)
                }
            }
        case let .object(members):
            if members.isEmpty { out += " {}\n"; return }
            out += "\n"
            for key in members.keys.sorted() {
                out += pad + quoted(key) + ":"
                emit(members[key]!, indent: indent + 2, into: &out)
            }
        }
    }
}
