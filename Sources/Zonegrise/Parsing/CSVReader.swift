/// Reads a delimited text table (CSV, `;`-separated, tab-separated) from UTF-8 bytes.
///
/// The header is read on creation; records are then streamed with `forEachRecord`, each
/// one a view on the bytes (`CSVRecord`), so reading a million rows allocates only for
/// the fields turned into `String`s. Handles a UTF-8 byte order mark, LF and CRLF, quoted
/// fields with `""` escapes, delimiters and line breaks inside quotes, blank lines and a
/// last line without a line break (see `CSVTokenizer` for the exact rules).
///
/// Errors: an unterminated quote or a record whose field count differs from the header's
/// is `ZonegriseError.malformed` with the line; an absent column is
/// `ZonegriseError.missingColumn`.
package struct CSVReader: Sendable {
    /// The name used in error messages.
    package let file: String
    /// The column names as written (quotes removed).
    package let header: [String]
    /// The field separator: `;`, `,`, tab, or whatever was given.
    package let delimiter: UInt8
    /// 1-based line of the header.
    package let headerLine: Int

    let bytes: [UInt8]
    /// Header names trimmed of spaces and quotes and lowercased, for `column(_:)`.
    private let keys: [String]
    let bodyStart: Int
    let bodyLine: Int

    /// Reads the header.
    /// - Parameters:
    ///   - bytes: the whole file, UTF-8 (a leading byte order mark is skipped).
    ///   - file: the name used in error messages.
    ///   - delimiter: the separator, or nil to take the most frequent of `;`, `,` and tab
    ///     outside quotes in the first line.
    /// - Complexity: O(length of the header).
    package init(bytes: [UInt8], file: String, delimiter: UInt8? = nil) throws {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let separator = delimiter ?? bytes.withUnsafeBufferPointer { CSVTokenizer.detectDelimiter($0, from: start) }
        var tokenizer = CSVTokenizer(delimiter: separator, file: file, position: start, line: 1)
        var record = CSVRecord(bytes: bytes, file: file, delimiter: separator)
        let found = try bytes.withUnsafeBufferPointer { buffer in
            try tokenizer.nextRecord(buffer, fields: &record.fields, recordLine: &record.line)
        }
        guard found else {
            throw ZonegriseError.malformed(file: file, line: 1, detail: "the file is empty: there is no header line")
        }
        self.file = file
        self.bytes = bytes
        self.delimiter = separator
        self.header = record.strings
        self.headerLine = record.line
        self.keys = header.map(Self.key)
        self.bodyStart = tokenizer.position
        self.bodyLine = tokenizer.line
    }

    /// Index of the column named `name`, compared without case and surrounding spaces or quotes.
    /// - Throws: `ZonegriseError.missingColumn` listing the columns found.
    /// - Complexity: O(columns).
    package func column(_ name: String) throws -> Int {
        guard let index = optionalColumn(name) else {
            throw ZonegriseError.missingColumn(file: file, column: name, available: header)
        }
        return index
    }

    /// Index of the first of `names` that is a column (for files that name a column in
    /// several ways: `COM`, `DEPCOM`, `code_insee`).
    /// - Throws: `ZonegriseError.missingColumn` whose column is the names joined by " or ".
    /// - Complexity: O(columns × names).
    package func column(anyOf names: [String]) throws -> Int {
        for name in names {
            if let index = optionalColumn(name) { return index }
        }
        throw ZonegriseError.missingColumn(file: file, column: names.joined(separator: " or "), available: header)
    }

    /// Index of the column named `name` (as in `column(_:)`), nil when there is none.
    /// - Complexity: O(columns).
    package func optionalColumn(_ name: String) -> Int? {
        keys.firstIndex(of: Self.key(name))
    }

    /// Calls `body` with each record in file order. The record is only valid during the
    /// call (it is reused for the next one).
    /// - Throws: `ZonegriseError.malformed` for an unterminated quote or a record whose
    ///   field count is not the header's; whatever `body` throws.
    /// - Complexity: O(n) in the length of the file.
    package func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
        try forEachRecord(from: bodyStart, line: bodyLine, to: bytes.count, body)
    }

    /// The records starting at byte `start` (physical line `line`) up to byte `end`.
    func forEachRecord(from start: Int, line: Int, to end: Int, _ body: (borrowing CSVRecord) throws -> Void) throws {
        var tokenizer = CSVTokenizer(delimiter: delimiter, file: file, position: start, line: line)
        var record = CSVRecord(bytes: bytes, file: file, delimiter: delimiter)
        record.fields.reserveCapacity(header.count)
        let columnCount = header.count
        try bytes.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[..<end])
            while try tokenizer.nextRecord(buffer, fields: &record.fields, recordLine: &record.line) {
                guard record.fields.count == columnCount else {
                    let count = record.fields.count
                    throw ZonegriseError.malformed(
                        file: file, line: record.line,
                        detail: "the record has \(count) field\(count == 1 ? "" : "s"), the header has \(columnCount)"
                    )
                }
                try body(record)
            }
        }
    }

    /// Number of records, by reading them all.
    /// - Complexity: O(n) in the length of the file.
    package func countRecords() throws -> Int {
        var count = 0
        try forEachRecord { _ in count += 1 }
        return count
    }

    private static func key(_ name: String) -> String {
        var text = Substring(name)
        while let first = text.first, first == " " || first == "\"" || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\"" || last == "\t" { text = text.dropLast() }
        return text.lowercased()
    }
}
