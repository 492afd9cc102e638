import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// Random JSON values written by an independent writer (random whitespace, random use of
/// `\u` escapes and surrogate pairs) must parse back equal.
@Suite("JSONParser oracle")
struct JSONParserOracleTests {
    @Test(arguments: [1, 2, 3, 4, 5, 42, 2024, 31337] as [UInt64])
    func randomDocumentsRoundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for document in 0..<150 {
            let value = Self.randomValue(depth: 0, using: &random)
            var writer = OracleJSONWriter(random: random)
            writer.write(value)
            random = writer.random
            let parsed = try JSONParser.parse(writer.bytes, file: "random.json")
            #expect(parsed == value, "seed \(seed), document \(document): \(String(decoding: writer.bytes, as: UTF8.self))")
            if parsed != value { return }
        }
    }

    static func randomValue(depth: Int, using random: inout SplitMix64) -> JSONValue {
        let choice = Int.random(in: 0..<(depth >= 6 ? 4 : 6), using: &random)
        switch choice {
        case 0: return Bool.random(using: &random) ? .null : .bool(Bool.random(using: &random))
        case 1, 2: return .number(randomNumber(using: &random))
        case 3: return .string(randomString(using: &random))
        case 4:
            let count = Int.random(in: 0...5, using: &random)
            return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                members[randomString(using: &random)] = randomValue(depth: depth + 1, using: &random)
            }
            return .object(members)
        }
    }

    static func randomNumber(using random: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return Double(Int.random(in: -1000...1000, using: &random))
        case 1: return Double(Int.random(in: -18_000_000...18_000_000, using: &random)) / 100_000  // coordinates
        case 2: return Double(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 3: return Double.random(in: -1...1, using: &random) * pow10(Int.random(in: -30...30, using: &random))
        case 4:
            // Any finite double, subnormals included.
            while true {
                let bits = UInt64.random(in: 0...UInt64.max, using: &random)
                let value = Double(bitPattern: bits)
                if value.isFinite { return value }
            }
        default: return Double.random(in: 0..<1, using: &random)
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    static func randomString(using random: inout SplitMix64) -> String {
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x20...0x7E, 0x20...0x7E,
            0x00...0x1F,  // control characters, must be escaped
            0x22...0x22, 0x5C...0x5C, 0x2F...0x2F,  // quote, backslash, slash
            0xC0...0xFF,  // Latin-1 accents
            0x4E00...0x4FFF,  // CJK
            0x2028...0x2029,  // line and paragraph separators
            0x1F600...0x1F64F,  // emoji, outside the BMP
            0x10000...0x10FFFF,
        ]
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
            var code = UInt32.random(in: pool, using: &random)
            if (0xD800...0xDFFF).contains(code) { code = 0x41 }
            text.unicodeScalars.append(Unicode.Scalar(code)!)
        }
        return text
    }
}

/// An independent JSON writer with random formatting choices.
struct OracleJSONWriter {
    var random: SplitMix64
    var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue) {
        space()
        switch value {
        case .null: append("null")
        case let .bool(flag): append(flag ? "true" : "false")
        case let .number(number): writeNumber(number)
        case let .string(text): writeString(text)
        case let .array(elements):
            append("[")
            space()
            for (index, element) in elements.enumerated() {
                if index > 0 { append(",") }
                write(element)
                space()
            }
            append("]")
        case let .object(members):
            append("{")
            space()
            for (index, (key, element)) in members.enumerated() {
                if index > 0 { append(",") }
                space()
                writeString(key)
                space()
                append(":")
                write(element)
                space()
            }
            append("}")
        }
        space()
    }

    private mutating func writeNumber(_ number: Double) {
        if number == number.rounded(), abs(number) < 1e15, Bool.random(using: &random) {
            append(String(Int64(number)))
        } else {
            // Swift's shortest round-trip form: 0.1, 1e-05, 5e-324, 1.2345678901234568e+29.
            var text = number.description
            if Bool.random(using: &random) { text = text.replacingOccurrences(of: "e", with: "E") }
            append(text)
        }
    }

    private mutating func writeString(_ text: String) {
        append("\"")
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x2F: append(Bool.random(using: &random) ? "\\/" : "/")
            case 0x0A where Bool.random(using: &random): append("\\n")
            case 0x09 where Bool.random(using: &random): append("\\t")
            case 0x08 where Bool.random(using: &random): append("\\b")
            case 0x0C where Bool.random(using: &random): append("\\f")
            case 0x0D where Bool.random(using: &random): append("\\r")
            case ..<0x20: appendUnicodeEscape(UInt16(scalar.value))
            case 0x10000...:
                if Int.random(in: 0..<3, using: &random) == 0 {
                    let offset = scalar.value - 0x10000
                    appendUnicodeEscape(UInt16(0xD800 + (offset >> 10)))
                    appendUnicodeEscape(UInt16(0xDC00 + (offset & 0x3FF)))
                } else {
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                }
            default:
                if Int.random(in: 0..<5, using: &random) == 0 {
                    appendUnicodeEscape(UInt16(scalar.value))
                } else {
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                }
            }
        }
        append("\"")
    }

    private mutating func appendUnicodeEscape(_ unit: UInt16) {
        var hex = String(unit, radix: 16, uppercase: Bool.random(using: &random))
        hex = String(repeating: "0", count: 4 - hex.count) + hex
        append("\\u" + hex)
    }

    private mutating func space() {
        let spaces = [" ", "\n", "\t", "\r\n", "  "]
        while Int.random(in: 0..<4, using: &random) == 0 {
            append(spaces[Int.random(in: 0..<spaces.count, using: &random)])
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: Array(text.utf8))
    }
}
