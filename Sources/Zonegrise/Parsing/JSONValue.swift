/// A JSON value, as read by `JSONParser` (RFC 8259).
///
/// Numbers are `Double`s, like in JavaScript: integers beyond 2^53 lose precision, which
/// never matters for the codes and counts of geodata (commune codes are strings).
/// Object member order is not kept; a repeated key keeps its last value.
package enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string, or nil for any other kind of value.
    package var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// The number, or nil for any other kind of value (no conversion from strings).
    package var doubleValue: Double? {
        if case let .number(number) = self { return number }
        return nil
    }

    /// The number when it is an integer that fits in `Int`, nil otherwise.
    package var intValue: Int? {
        guard case let .number(number) = self, number.rounded(.towardZero) == number,
              let integer = Int(exactly: number) else { return nil }
        return integer
    }

    /// The boolean, or nil for any other kind of value.
    package var boolValue: Bool? {
        if case let .bool(flag) = self { return flag }
        return nil
    }

    /// The elements, or nil when this is not an array.
    package var arrayValue: [JSONValue]? {
        if case let .array(elements) = self { return elements }
        return nil
    }

    /// The members, or nil when this is not an object.
    package var objectValue: [String: JSONValue]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// True for `null`.
    package var isNull: Bool { self == .null }

    /// The member named `key` when this is an object that has it, nil otherwise.
    /// - Complexity: O(1) on average.
    package subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// The value as the text of a property (a cell of a table): strings as they are,
    /// integral numbers without a decimal part (`62041`, not `62041.0`), other numbers in
    /// Swift's shortest round-trip form, `true`/`false`, arrays and objects as compact
    /// JSON; nil for `null`.
    package var propertyText: String? {
        switch self {
        case .null:
            return nil
        case let .string(text):
            return text
        case let .number(number):
            return Self.numberText(number)
        default:
            return description
        }
    }

    /// A number as short text: integral values within ±2^53 without `.0`.
    static func numberText(_ number: Double) -> String {
        if number.rounded(.towardZero) == number, abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return number.description
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text (object members sorted by key so the text is stable).
    /// Non-finite numbers, which JSON cannot hold, are written as `null`.
    /// - Complexity: O(size of the value).
    package var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null:
            text += "null"
        case let .bool(flag):
            text += flag ? "true" : "false"
        case let .number(number):
            text += number.isFinite ? Self.numberText(number) : "null"
        case let .string(string):
            Self.writeQuoted(string, to: &text)
        case let .array(elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(to: &text)
            }
            text += "]"
        case let .object(members):
            text += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.writeQuoted(key, to: &text)
                text += ":"
                members[key]!.write(to: &text)
            }
            text += "}"
        }
    }

    private static func writeQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
