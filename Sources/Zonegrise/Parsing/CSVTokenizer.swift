/// Splits CSV bytes (RFC 4180 and the usual variants) into records of field bounds.
///
/// Fields are recorded as byte ranges, never copied. A field that starts with `"` is
/// quoted: it runs to the matching `"`, may contain the delimiter and line breaks, and
/// writes a quote as `""`; spaces may follow the closing quote. A `"` inside an unquoted
/// field is an ordinary character. Line breaks are LF, CRLF or a lone CR; each counts as
/// one line, inside quoted fields too, so that `line` stays the physical line number.
/// Blank lines between records are skipped.
struct CSVTokenizer {
    let delimiter: UInt8
    let file: String
    /// Offset of the next byte to read.
    var position: Int
    /// 1-based physical line of `position`.
    var line: Int

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Reads the next record into `fields` and its first line into `recordLine`; returns
    /// false at the end of input (only blank lines left).
    /// - Complexity: O(length of the record); no allocation once `fields` has the capacity.
    mutating func nextRecord(
        _ buffer: UnsafeBufferPointer<UInt8>, fields: inout [CSVRecord.Field], recordLine: inout Int
    ) throws -> Bool {
        let end = buffer.count
        while position < end {
            let byte = buffer[position]
            guard byte == Self.lineFeed || byte == Self.carriageReturn else { break }
            skipLineBreak(buffer)
        }
        guard position < end else { return false }
        recordLine = line
        fields.removeAll(keepingCapacity: true)
        while true {
            if position < end, buffer[position] == Self.quote {
                try readQuotedField(buffer, into: &fields)
            } else {
                let start = position
                while position < end {
                    let byte = buffer[position]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    position += 1
                }
                fields.append(CSVRecord.Field(start: start, end: position, hasEscapedQuotes: false))
            }
            guard position < end else { return true }
            let byte = buffer[position]
            if byte == delimiter {
                position += 1
            } else {
                skipLineBreak(buffer)
                return true
            }
        }
    }

    /// Reads a quoted field, leaving `position` on the byte after it (delimiter, line break or end).
    private mutating func readQuotedField(_ buffer: UnsafeBufferPointer<UInt8>, into fields: inout [CSVRecord.Field]) throws {
        let end = buffer.count
        let openingLine = line
        position += 1
        let start = position
        var hasEscapedQuotes = false
        while true {
            guard position < end else {
                throw ZonegriseError.malformed(
                    file: file, line: openingLine,
                    detail: "a quoted field opened on this line is never closed (unexpected end of file)"
                )
            }
            let byte = buffer[position]
            if byte == Self.quote {
                if position + 1 < end, buffer[position + 1] == Self.quote {
                    hasEscapedQuotes = true
                    position += 2
                    continue
                }
                break
            }
            if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, !(position + 1 < end && buffer[position + 1] == Self.lineFeed) {
                line += 1
            }
            position += 1
        }
        fields.append(CSVRecord.Field(start: start, end: position, hasEscapedQuotes: hasEscapedQuotes))
        position += 1  // the closing quote
        while position < end, buffer[position] == UInt8(ascii: " ") || (buffer[position] == 0x09 && delimiter != 0x09) {
            position += 1
        }
        guard position < end else { return }
        let byte = buffer[position]
        guard byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn else {
            throw ZonegriseError.malformed(
                file: file, line: line,
                detail: "unexpected \(Self.describe(buffer, at: position)) after the closing quote of field \(fields.count); a quote inside a quoted field must be doubled (\"\")"
            )
        }
    }

    /// Consumes one LF, CRLF or lone CR at `position`.
    @inline(__always)
    private mutating func skipLineBreak(_ buffer: UnsafeBufferPointer<UInt8>) {
        if buffer[position] == Self.carriageReturn, position + 1 < buffer.count, buffer[position + 1] == Self.lineFeed {
            position += 2
        } else {
            position += 1
        }
        line += 1
    }

    /// The character at `offset` for an error message (`'x'`, `'é'`).
    static func describe(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        var iterator = buffer[offset...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator), scalar.value >= 0x20 {
            return "'\(Character(scalar))'"
        }
        let digits = String(buffer[offset], radix: 16, uppercase: true)
        return "byte 0x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// The delimiter among `;`, `,` and tab that occurs most often outside quotes in the
    /// first non-blank line from `start` (ties go in that order); `,` when there is none.
    /// - Complexity: O(length of the first line).
    static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var semicolons = 0, commas = 0, tabs = 0
        var inQuotes = false
        var offset = start
        while offset < buffer.count, buffer[offset] == lineFeed || buffer[offset] == carriageReturn { offset += 1 }
        scan: while offset < buffer.count {
            switch buffer[offset] {
            case quote: inQuotes.toggle()
            case UInt8(ascii: ";") where !inQuotes: semicolons += 1
            case UInt8(ascii: ",") where !inQuotes: commas += 1
            case 0x09 where !inQuotes: tabs += 1
            case lineFeed, carriageReturn: if !inQuotes { break scan }
            default: break
            }
            offset += 1
        }
        if semicolons == 0, commas == 0, tabs == 0 { return UInt8(ascii: ",") }
        if semicolons >= commas, semicolons >= tabs { return UInt8(ascii: ";") }
        return commas >= tabs ? UInt8(ascii: ",") : 0x09
    }
}
