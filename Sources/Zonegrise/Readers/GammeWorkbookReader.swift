import Foundation
import ZonegriseCore

/// Reads the `TYPEQU → gamme` table from INSEE's gamme workbook as downloaded (`.xlsx`):
/// finds the sheet and the header row holding a `TYPEQU` column and a `GAMME` column
/// (the first such row of the first such sheet; title rows above it, notes or metadata
/// sheets before it, are passed over), then reads the rows below it.
///
/// Header cells are compared without case, accents and surrounding spaces: the type
/// column is the one named `typequ` (or containing the word), the gamme column the one
/// named `gamme` (else the first whose name starts with it). Gamme labels are read the
/// same way ("Gamme de proximité", "proximite", "INTERMEDIAIRE", "Gamme supérieure",
/// `P`/`I`/`S`, `1`/`2`/`3`). An optional `service` column is read as in the CSV table.
/// Rows with neither a type nor a gamme end nothing (blank lines); a row whose type cell
/// is a sentence (it has a space) and whose gamme cell is empty is a note and is skipped.
///
/// Errors name the file, the sheet and the cell: an unknown label, a type without gamme,
/// a type given two gammes, no sheet with both columns.
package struct GammeWorkbookReader {
    let file: String

    package init(file: String) { self.file = file }

    /// Where the table was found, for the run manifest.
    package struct Location: Sendable, Equatable {
        var sheet: String
        var headerRow: Int
    }

    /// Whether `path` is read as a workbook: an `.xlsx` or `.xlsm` name, or a file that
    /// starts with the zip signature (`PK\u{3}\u{4}`).
    static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// - Complexity: O(size of the workbook's parts read: workbook, shared strings, the
    ///   sheets up to the one holding the table).
    package func read() throws -> (table: GammeTable, location: Location) {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(path: file) } catch let failure as XLSXWorkbook.Failure {
            throw ZonegriseError.malformed(file: file, line: nil, detail: failure.description)
        }
        do {
            for sheet in workbook.sheets {
                let rows = try workbook.rows(of: sheet)
                for (index, row) in rows.enumerated() {
                    guard let columns = Self.headerColumns(row) else { continue }
                    let table = try readTable(rows[(index + 1)...], columns: columns, sheet: sheet.name)
                    return (table, Location(sheet: sheet.name, headerRow: row.number))
                }
            }
        } catch let failure as XLSXWorkbook.Failure {
            throw ZonegriseError.malformed(file: file, line: nil, detail: failure.description)
        }
        let names = workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        throw ZonegriseError.malformed(file: file, line: nil,
                                       detail: "no sheet has a header row with a TYPEQU column and a GAMME column (sheets: \(names.isEmpty ? "none" : names))")
    }

    struct Columns {
        var type: Int
        var gamme: Int
        var service: Int?
    }

    /// The columns of a header row, or nil if it has no type or no gamme column.
    static func headerColumns(_ row: XLSXWorkbook.Row) -> Columns? {
        let keys = row.cells.keys.sorted().map { ($0, folded(row.cells[$0]!)) }
        let type = keys.first { $0.1 == "typequ" }?.0
            ?? keys.first { $0.1.split(whereSeparator: { !$0.isLetter }).contains("typequ") }?.0
        let gamme = keys.first { $0.1 == "gamme" }?.0 ?? keys.first { $0.1.hasPrefix("gamme") && $0.0 != type }?.0
        guard let type, let gamme, type != gamme else { return nil }
        return Columns(type: type, gamme: gamme, service: keys.first { $0.1 == "service" }?.0)
    }

    private func readTable(_ rows: ArraySlice<XLSXWorkbook.Row>, columns: Columns, sheet: String) throws -> GammeTable {
        var membership: [String: Gamme] = [:]
        var cellOf: [String: XLSXCellReference] = [:]
        var services: [String: String] = [:]
        let where_ = { (column: Int, row: Int) in "sheet \"\(sheet)\", cell \(XLSXCellReference(column: column, row: row))" }
        for row in rows {
            let type = (row.cells[columns.type] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let label = row.cells[columns.gamme] ?? ""
            if Self.folded(label).isEmpty {
                if type.isEmpty || Self.isNote(type) { continue }
                throw ZonegriseError.malformed(file: file, line: nil, detail: "\(where_(columns.gamme, row.number)): type \(type) has no gamme")
            }
            guard !type.isEmpty else {
                throw ZonegriseError.malformed(file: file, line: nil, detail: "\(where_(columns.type, row.number)): gamme \"\(label)\" is given for no equipment type")
            }
            guard let gamme = Gamme(parsing: Self.folded(label)) else {
                throw ZonegriseError.malformed(file: file, line: nil,
                                               detail: "\(where_(columns.gamme, row.number)): unknown gamme label \"\(label)\" (expected proximité, intermédiaire or supérieure, as words such as \"Gamme de proximité\", or P, I, S, or 1, 2, 3)")
            }
            if let first = cellOf[type], membership[type] != gamme {
                throw ZonegriseError.malformed(file: file, line: nil,
                                               detail: "\(where_(columns.type, row.number)): type \(type) is given a second gamme (cell \(first) gives \(membership[type]!.rawValue))")
            }
            cellOf[type] = XLSXCellReference(column: columns.gamme, row: row.number)
            membership[type] = gamme
            if let column = columns.service, let service = row.cells[column]?.trimmingCharacters(in: .whitespaces), !service.isEmpty {
                services[type] = service
            }
        }
        guard !membership.isEmpty else {
            throw ZonegriseError.malformed(file: file, line: nil, detail: "sheet \"\(sheet)\": the gamme table has no row below its header")
        }
        for gamme in Gamme.allCases where !membership.values.contains(gamme) {
            throw ZonegriseError.malformed(file: file, line: nil, detail: "sheet \"\(sheet)\": the gamme table has no type in the \(gamme.label)")
        }
        return GammeTable(membership: membership, serviceOfType: services)
    }

    /// A sentence in the type column (a note or a source below the table), not a type
    /// code: codes have no space (`A203`, `D201`).
    static func isNote(_ text: String) -> Bool {
        text.contains { $0.isWhitespace }
    }

    /// Lowercased, accents removed, spaces (also no-break spaces) collapsed and trimmed.
    static func folded(_ text: String) -> String {
        spaced(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Spaces (also no-break spaces, tabs, line breaks) collapsed to one and trimmed.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
