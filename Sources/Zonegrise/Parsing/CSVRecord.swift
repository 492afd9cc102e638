/// One record of a CSV file, as seen inside `CSVReader.forEachRecord`.
///
/// Fields are byte ranges into the file (zero-copy) until a `String` is asked for;
/// `int` and `double` parse the bytes directly without allocating. Field indexes come
/// from `CSVReader.column(_:)`; every record has exactly as many fields as the header
/// (the reader checks it), so an index out of range is a programming error.
package struct CSVRecord {
    /// Bounds of one field's content (inside the quotes for a quoted field).
    struct Field {
        var start: Int
        var end: Int
        /// True when the content holds `""` pairs that stand for one quote.
        var hasEscapedQuotes: Bool
    }

    /// 1-based physical line where the record starts (the header is on line 1).
    package internal(set) var line: Int = 0
    var fields: [Field] = []
    private let bytes: [UInt8]
    private let file: String
    private let delimiter: UInt8

    init(bytes: [UInt8], file: String, delimiter: UInt8) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
    }

    /// Number of fields.
    package var count: Int { fields.count }

    /// The field's text, quotes removed and `""` turned into `"`; invalid UTF-8 becomes U+FFFD.
    /// - Complexity: O(length of the field); one allocation.
    package func string(_ index: Int) -> String {
        let field = fields[index]
        let raw = bytes[field.start..<field.end]
        guard field.hasEscapedQuotes else { return String(decoding: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var skipNextQuote = false
        for byte in raw {
            if byte == UInt8(ascii: "\"") {
                skipNextQuote.toggle()
                if !skipNextQuote { continue }
            }
            unescaped.append(byte)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The field's raw bytes, without copying (inside the quotes for a quoted field, where a
    /// quote still appears doubled).
    /// - Complexity: O(1).
    package func bytes(_ index: Int) -> ArraySlice<UInt8> {
        let field = fields[index]
        return bytes[field.start..<field.end]
    }

    /// All fields as strings.
    /// - Complexity: O(length of the record).
    package var strings: [String] { fields.indices.map(string) }

    /// True when the field is empty or holds only spaces.
    /// - Complexity: O(length of the field).
    package func isEmpty(_ index: Int) -> Bool {
        let field = fields[index]
        return bytes[field.start..<field.end].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// The field as a decimal integer (`42`, ` -7 `, `+3`; surrounding spaces allowed),
    /// or nil when it is anything else or does not fit in `Int`.
    /// - Complexity: O(length of the field); no allocation.
    package func int(_ index: Int) -> Int? {
        let field = fields[index]
        var offset = field.start
        var end = field.end
        while offset < end, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        while end > offset, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard offset < end else { return nil }
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative || bytes[offset] == UInt8(ascii: "+") { offset += 1 }
        guard offset < end else { return nil }
        var value = 0
        while offset < end {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative
                ? shifted.subtractingReportingOverflow(Int(digit))
                : shifted.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            offset += 1
        }
        return value
    }

    /// The field as a decimal number (`3.5`, `-1e-3`, `.5`; surrounding spaces allowed). A
    /// `,` is also taken as the decimal separator when the delimiter is `;` (French CSV:
    /// `12,5`). Nil for anything else, including `NaN` and `inf`.
    /// - Complexity: O(length of the field); no allocation for up to 15 significant digits.
    package func double(_ index: Int) -> Double? {
        let field = fields[index]
        var offset = field.start
        var end = field.end
        while offset < end, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        while end > offset, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard offset < end else { return nil }
        let start = offset
        var accumulator = DecimalAccumulator()
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative || bytes[offset] == UInt8(ascii: "+") { offset += 1 }
        var digitCount = 0
        while offset < end, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
            accumulator.appendIntegerDigit(digit)
            digitCount += 1
            offset += 1
        }
        if offset < end, bytes[offset] == UInt8(ascii: ".") || (bytes[offset] == UInt8(ascii: ",") && delimiter == UInt8(ascii: ";")) {
            offset += 1
            while offset < end, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
                accumulator.appendFractionDigit(digit)
                digitCount += 1
                offset += 1
            }
        }
        guard digitCount > 0 else { return nil }
        var negativeExponent = false
        if offset < end, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < end, bytes[offset] == UInt8(ascii: "-") || bytes[offset] == UInt8(ascii: "+") {
                negativeExponent = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            var exponentDigits = 0
            while offset < end, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
                accumulator.appendExponentDigit(digit)
                exponentDigits += 1
                offset += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard offset == end else { return nil }
        if let value = accumulator.fastValue(negative: negative, negativeExponent: negativeExponent) {
            return value
        }
        // Rare: more than 15 significant digits or a large exponent. Normalise the decimal
        // comma and let the standard library round exactly.
        return DecimalAccumulator.slowValue(bytes[start..<end].map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 })
    }

    /// The field as an integer, or `ZonegriseError.invalidValue` naming `field` and the line.
    package func requireInt(_ index: Int, field: String) throws -> Int {
        guard let value = int(index) else {
            throw ZonegriseError.invalidValue(file: file, line: line, field: field, value: string(index), expected: "an integer")
        }
        return value
    }

    /// The field as a number, or `ZonegriseError.invalidValue` naming `field` and the line.
    package func requireDouble(_ index: Int, field: String) throws -> Double {
        guard let value = double(index) else {
            throw ZonegriseError.invalidValue(file: file, line: line, field: field, value: string(index), expected: "a number")
        }
        return value
    }
}
