/// The byte-level JSON tokenizer shared by `JSONParser` and `GeoJSONReader`.
///
/// It reads UTF-8 bytes through an `UnsafeBufferPointer` that only lives inside the
/// `withUnsafeBufferPointer` scope of its caller (`JSONScanner.scan`), so no pointer
/// escapes. It keeps the 1-based line of `position` so every error can say where it is.
/// Reading past the end is never done: `current` yields 0 at the end of input, a byte
/// that no JSON token may start with.
///
/// Objects and arrays are walked member by member (`enterObject`/`nextKey`,
/// `enterArray`/`hasNextElement`) so that a reader can parse the values it knows
/// straight into its own types and `skipValue` the others without building a tree.
struct JSONScanner {
    /// A saved place in the input, to come back to (`restore`).
    struct Mark {
        let position: Int
        let line: Int
        let depth: Int
    }

    /// Objects and arrays nested deeper than this are refused, to bound the recursion.
    static let maximumDepth = 512

    let buffer: UnsafeBufferPointer<UInt8>
    let file: String
    /// Offset of the next byte to read.
    private(set) var position: Int
    /// 1-based line of `position`.
    private(set) var line = 1
    /// Number of objects and arrays currently open.
    private var depth = 0

    private init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        self.file = file
        // RFC 8259 §8.1 lets a parser ignore a byte order mark.
        let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    /// Runs `body` with a scanner over `bytes`; the scanner must not escape `body`.
    /// - Complexity: O(1) plus the cost of `body`.
    static func scan<Result>(
        _ bytes: [UInt8], file: String, _ body: (inout JSONScanner) throws -> Result
    ) throws -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer: buffer, file: file)
            return try body(&scanner)
        }
    }

    // MARK: - Position

    var isAtEnd: Bool { position >= buffer.count }

    /// The byte at `position`, or 0 at the end of input.
    @inline(__always)
    var current: UInt8 { position < buffer.count ? buffer[position] : 0 }

    var mark: Mark { Mark(position: position, line: line, depth: depth) }

    mutating func restore(_ mark: Mark) {
        position = mark.position
        line = mark.line
        depth = mark.depth
    }

    /// Skips spaces, tabs, carriage returns and line feeds, counting lines.
    /// - Complexity: O(whitespace skipped).
    @inline(__always)
    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A: position += 1; line += 1
            default: return
            }
        }
    }

    /// Checks that only whitespace follows the top-level value.
    mutating func expectEnd() throws {
        skipWhitespace()
        guard isAtEnd else { throw malformed("unexpected \(describeCurrent()) after the end of the JSON value") }
    }

    // MARK: - Errors

    /// A syntax error at the current line.
    func malformed(_ detail: String) -> ZonegriseError {
        .malformed(file: file, line: line, detail: detail)
    }

    /// The byte at `position` for an error message: `'x'`, `'é'`, `end of file` or `byte 0x07`.
    func describeCurrent() -> String {
        guard position < buffer.count else { return "end of file" }
        let byte = buffer[position]
        if byte >= 0x21, byte <= 0x7E { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 {
            var iterator = buffer[position...].makeIterator()
            var decoder = UTF8()
            if case let .scalarValue(scalar) = decoder.decode(&iterator) { return "'\(Character(scalar))'" }
        }
        let digits = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// True when a JSON value may start at `position` (judging by its first byte).
    var isAtValueStart: Bool {
        switch current {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// The syntax error for a missing value at `position`.
    func expectedValueError() -> ZonegriseError {
        malformed("expected a JSON value, found \(describeCurrent())")
    }

    /// What kind of value starts at `position`, for errors ("a number", "an object").
    func describeValueKind() -> String {
        switch current {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return describeCurrent()
        }
    }

    // MARK: - Containers

    /// Consumes the `{` at `position`.
    mutating func enterObject() throws {
        guard current == UInt8(ascii: "{") else { throw malformed("expected '{', found \(describeCurrent())") }
        try deepen()
        position += 1
    }

    /// Reads the next member key and its `:`, leaving `position` on the value; returns nil
    /// after consuming the closing `}`. `isFirst` is true for the first call on an object.
    /// - Complexity: O(length of the key).
    mutating func nextKey(isFirst: Bool) throws -> String? {
        skipWhitespace()
        let byte = current
        if byte == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return nil
        }
        if isFirst {
            guard byte == UInt8(ascii: "\"") else {
                throw malformed("expected a string key or '}' in an object, found \(describeCurrent())")
            }
        } else {
            guard byte == UInt8(ascii: ",") else {
                throw malformed("expected ',' or '}' after an object member, found \(describeCurrent())")
            }
            position += 1
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw malformed("expected a string key after ',' in an object, found \(describeCurrent())")
            }
        }
        let key = try parseString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else {
            throw malformed("expected ':' after the object key \"\(key)\", found \(describeCurrent())")
        }
        position += 1
        skipWhitespace()
        return key
    }

    /// Consumes the `[` at `position`.
    mutating func enterArray() throws {
        guard current == UInt8(ascii: "[") else { throw malformed("expected '[', found \(describeCurrent())") }
        try deepen()
        position += 1
    }

    /// Moves to the next element, leaving `position` on it, and returns true; returns false
    /// after consuming the closing `]`. `isFirst` is true for the first call on an array.
    /// - Complexity: O(whitespace skipped).
    @inline(__always)
    mutating func hasNextElement(isFirst: Bool) throws -> Bool {
        skipWhitespace()
        let byte = current
        if byte == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return false
        }
        if !isFirst {
            guard byte == UInt8(ascii: ",") else {
                throw malformed("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
            position += 1
            skipWhitespace()
        }
        return true
    }

    private mutating func deepen() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw malformed("objects and arrays are nested deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: - Values

    /// Parses any value starting at `position` into a tree.
    /// - Complexity: O(length of the value's text).
    mutating func parseValue() throws -> JSONValue {
        switch current {
        case UInt8(ascii: "{"):
            return .object(try parseObjectMembers())
        case UInt8(ascii: "["):
            try enterArray()
            var elements: [JSONValue] = []
            var isFirst = true
            while try hasNextElement(isFirst: isFirst) {
                isFirst = false
                elements.append(try parseValue())
            }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        default:
            throw expectedValueError()
        }
    }

    /// Parses the object starting at `position` into a dictionary.
    /// - Complexity: O(length of the object's text).
    mutating func parseObjectMembers() throws -> [String: JSONValue] {
        try enterObject()
        var members: [String: JSONValue] = [:]
        var isFirst = true
        while let key = try nextKey(isFirst: isFirst) {
            isFirst = false
            members[key] = try parseValue()
        }
        return members
    }

    /// Checks the syntax of the value at `position` and moves past it without building it.
    /// - Complexity: O(length of the value's text); allocates only for keys of objects.
    mutating func skipValue() throws {
        switch current {
        case UInt8(ascii: "{"):
            try enterObject()
            var isFirst = true
            while try nextKey(isFirst: isFirst) != nil {
                isFirst = false
                try skipValue()
            }
        case UInt8(ascii: "["):
            try enterArray()
            var isFirst = true
            while try hasNextElement(isFirst: isFirst) {
                isFirst = false
                try skipValue()
            }
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try parseValue()
        }
    }

    /// Consumes `null` when it is at `position` and returns true; returns false otherwise.
    mutating func skipNull() throws -> Bool {
        guard current == UInt8(ascii: "n") else { return false }
        try parseLiteral("null")
        return true
    }

    private mutating func parseLiteral(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            position + count <= buffer.count && (0..<count).allSatisfy { buffer[position + $0] == expected[$0] }
        }
        guard matches else {
            throw malformed("invalid literal starting with \(describeCurrent()), expected \(word)")
        }
        position += count
    }

    // MARK: - Numbers

    /// Parses a number in the JSON grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    /// - Complexity: O(digits); no allocation unless the number has more than 15
    ///   significant digits or an exponent beyond ±22 (see `DecimalAccumulator`).
    @inline(__always)
    mutating func parseNumber() throws -> Double {
        let start = position
        var accumulator = DecimalAccumulator()
        let negative = current == UInt8(ascii: "-")
        if negative { position += 1 }
        var byte = current
        if byte == UInt8(ascii: "0") {
            position += 1
        } else if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
            repeat {
                accumulator.appendIntegerDigit(byte &- UInt8(ascii: "0"))
                position += 1
                byte = current
            } while byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        } else {
            throw malformed("expected a digit after '-', found \(describeCurrent())")
        }
        if current == UInt8(ascii: ".") {
            position += 1
            byte = current
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw malformed("expected a digit after the decimal point, found \(describeCurrent())")
            }
            repeat {
                accumulator.appendFractionDigit(byte &- UInt8(ascii: "0"))
                position += 1
                byte = current
            } while byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
        var negativeExponent = false
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
                negativeExponent = current == UInt8(ascii: "-")
                position += 1
            }
            byte = current
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw malformed("expected a digit in the exponent of a number, found \(describeCurrent())")
            }
            repeat {
                accumulator.appendExponentDigit(byte &- UInt8(ascii: "0"))
                position += 1
                byte = current
            } while byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
        if let value = accumulator.fastValue(negative: negative, negativeExponent: negativeExponent) {
            return value
        }
        guard let value = DecimalAccumulator.slowValue(buffer[start..<position]) else {
            throw malformed("cannot read the number \(String(decoding: buffer[start..<position], as: UTF8.self))")
        }
        return value
    }

    // MARK: - Strings

    /// Parses the string starting at the `"` at `position`, decoding escapes.
    /// Invalid UTF-8 is replaced by U+FFFD rather than refused.
    /// - Complexity: O(length); one allocation for the result.
    mutating func parseString() throws -> String {
        position += 1  // the opening quote
        let start = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw controlCharacterError(byte) }
            position += 1
        }
        throw malformed("unexpected end of file inside a string")
    }

    /// The slow path of `parseString`, once a backslash is met: bytes are copied to a buffer.
    private mutating func parseEscapedString(from start: Int) throws -> String {
        var bytes = Array(buffer[start..<position])
        while position < buffer.count {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &bytes)
            case ..<0x20:
                throw controlCharacterError(byte)
            default:
                bytes.append(byte)
                position += 1
            }
        }
        throw malformed("unexpected end of file inside a string")
    }

    /// Decodes the escape at `position` (on the backslash) and appends its UTF-8 bytes.
    private mutating func appendEscape(to bytes: inout [UInt8]) throws {
        position += 1
        let simple: UInt8
        switch current {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            position += 1
            let scalar = try parseUnicodeEscape()
            bytes.append(contentsOf: UTF8.encode(scalar)!)
            return
        default:
            if isAtEnd { throw malformed("unexpected end of file inside a string") }
            throw malformed("invalid escape '\\' followed by \(describeCurrent()) inside a string")
        }
        bytes.append(simple)
        position += 1
    }

    /// Reads the 4 hex digits after `\u` (and a second `\uXXXX` for a surrogate pair).
    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let first = try parseHexQuad()
        switch first {
        case 0xD800...0xDBFF:
            guard position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"),
                  buffer[position + 1] == UInt8(ascii: "u") else {
                throw malformed("unpaired UTF-16 surrogate \\u\(Self.hex(first)) inside a string")
            }
            position += 2
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw malformed("unpaired UTF-16 surrogate \\u\(Self.hex(first)) inside a string")
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw malformed("unpaired UTF-16 surrogate \\u\(Self.hex(first)) inside a string")
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func parseHexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = current
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                if isAtEnd { throw malformed("unexpected end of file inside a string") }
                throw malformed("expected 4 hexadecimal digits after \\u, found \(describeCurrent())")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Moves past the string at `position` (on its opening quote), checking its escapes.
    private mutating func skipString() throws {
        position += 1
        var scratch: [UInt8] = []
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                try appendEscape(to: &scratch)
                continue
            }
            if byte < 0x20 { throw controlCharacterError(byte) }
            position += 1
        }
        throw malformed("unexpected end of file inside a string")
    }

    private func controlCharacterError(_ byte: UInt8) -> ZonegriseError {
        let name = byte == 0x0A ? "line break" : byte == 0x09 ? "tab" : "control character"
        return malformed("unescaped \(name) (U+\(Self.hex(UInt32(byte)))) inside a string")
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
