import Foundation
import SWXMLHash
import ZIPFoundation

/// The cells of an Office Open XML workbook (`.xlsx`), as text: what INSEE publishes its
/// tables in. Reads the zip (ZIPFoundation; entries located by `XLSXZipDirectory`) and
/// the SpreadsheetML parts (SWXMLHash):
/// `xl/workbook.xml` (sheet names and relationship ids), `xl/_rels/workbook.xml.rels`
/// (where each sheet's part is), `xl/sharedStrings.xml` (the shared strings, rich text
/// runs joined) and each `xl/worksheets/sheetN.xml` on demand.
///
/// Cells are shared strings (`t="s"`), inline strings (`t="inlineStr"`), formula strings
/// (`t="str"`), booleans (`t="b"`) and numbers (no `t` or `t="n"`: integral values are
/// written without a decimal point, `3` not `3.0`). Formulas are not evaluated: the cached
/// value is read. Empty cells are absent.
///
/// Errors are `XLSXWorkbook.Failure` values, one sentence each, for the reader to put
/// after the file name.
struct XLSXWorkbook {
    struct Sheet: Sendable, Equatable {
        var name: String
        /// The part's path inside the archive (`xl/worksheets/sheet2.xml`).
        var part: String
    }

    /// A row of a sheet: its 1-based number and its non-empty cells by 0-based column.
    struct Row: Sendable, Equatable {
        var number: Int
        var cells: [Int: String]
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Sheets in workbook order.
    let sheets: [Sheet]
    private let archive: XLSXZipDirectory
    private let sharedStrings: [String]

    /// Opens the archive and reads the workbook, its relationships and shared strings.
    /// - Throws: `Failure` when the file is not a zip archive, the zip is damaged, or a
    ///   part the workbook needs is absent or not well-formed XML.
    /// - Complexity: O(size of the workbook and shared strings parts).
    init(path: String) throws {
        let bytes = try InputBytes.readRaw(path).bytes
        do {
            // ZIPFoundation's own reading of the archive's directory first: what is not a
            // zip is refused in its terms.
            _ = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Failure(description: "not an xlsx workbook: it is not a readable zip archive (\(Self.reason(error)))")
        }
        let archive = try XLSXZipDirectory(bytes: bytes)
        self.archive = archive
        guard archive.items["xl/workbook.xml"] != nil else {
            throw Failure(description: "not an xlsx workbook: the zip archive has no xl/workbook.xml")
        }
        let workbook = try Self.parse(archive, "xl/workbook.xml")
        let relations = try Self.parse(archive, "xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        for relation in Self.descendants(relations, named: "Relationship") {
            if let id = relation.attribute(by: "Id")?.text, let target = relation.attribute(by: "Target")?.text {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var sheets: [Sheet] = []
        for sheet in Self.descendants(workbook, named: "sheet") {
            let name = sheet.attribute(by: "name")?.text ?? "?"
            // `r:id`, whatever the prefix of the relationships namespace.
            let id = sheet.allAttributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value.text
            guard let id, let part = targets[id] else {
                throw Failure(description: "not a readable xlsx workbook: sheet \"\(name)\" has no part in xl/_rels/workbook.xml.rels")
            }
            sheets.append(Sheet(name: name, part: Self.normalised(part)))
        }
        self.sheets = sheets
        if archive.items["xl/sharedStrings.xml"] != nil {
            let strings = try Self.parse(archive, "xl/sharedStrings.xml")
            sharedStrings = Self.descendants(strings, named: "si").map(Self.richText)
        } else {
            sharedStrings = []
        }
    }

    /// The rows of a sheet that have at least one non-empty cell, in order.
    /// - Throws: `Failure` for a part absent or not well-formed, or a shared string
    ///   index out of range.
    /// - Complexity: O(size of the sheet's part).
    func rows(of sheet: Sheet) throws -> [Row] {
        let document = try Self.parse(archive, sheet.part)
        var rows: [Row] = []
        var previousRow = 0
        for row in Self.descendants(document, named: "row") {
            let number = row.attribute(by: "r").flatMap { Int($0.text) } ?? previousRow + 1
            previousRow = number
            var cells: [Int: String] = [:]
            var previousColumn = -1
            for cell in Self.children(row, named: "c") {
                let column = cell.attribute(by: "r").flatMap { XLSXCellReference($0.text)?.column } ?? previousColumn + 1
                previousColumn = column
                guard let text = try value(of: cell, sheet: sheet, at: XLSXCellReference(column: column, row: number)),
                      !text.isEmpty else { continue }
                cells[column] = text
            }
            if !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
        }
        return rows
    }

    private func value(of cell: XMLElement, sheet: Sheet, at reference: XLSXCellReference) throws -> String? {
        let type = cell.attribute(by: "t")?.text ?? "n"
        let v = Self.children(cell, named: "v").first?.text
        switch type {
        case "s":
            guard let v else { return nil }
            guard let index = Int(v.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw Failure(description: "sheet \"\(sheet.name)\", cell \(reference): shared string \(v) is not in xl/sharedStrings.xml")
            }
            return sharedStrings[index]
        case "inlineStr":
            return Self.children(cell, named: "is").first.map(Self.richText)
        case "n":
            guard let v else { return nil }
            let trimmed = v.trimmingCharacters(in: .whitespaces)
            if let number = Double(trimmed), number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                return String(Int(number))
            }
            return trimmed
        default:  // str, b, e, d: the cached text as written
            return v
        }
    }

    // MARK: XML

    private static func parse(_ archive: XLSXZipDirectory, _ part: String) throws -> XMLElement {
        let data = try archive.extract(part)
        let indexer = XMLHash.config { $0.detectParsingErrors = true }.parse(data)
        if case let .parsingError(error) = indexer {
            throw Failure(description: "\(part) is not well-formed XML (line \(error.line), column \(error.column))")
        }
        guard let root = indexer.element else {
            throw Failure(description: "\(part) is not well-formed XML")
        }
        return root
    }

    /// The element's local name: `x:row` and `row` are the same element.
    private static func localName(_ element: XMLElement) -> Substring {
        element.name.split(separator: ":").last ?? Substring(element.name)
    }

    private static func children(_ element: XMLElement, named name: String) -> [XMLElement] {
        element.children.compactMap { $0 as? XMLElement }.filter { localName($0) == name }
    }

    /// Elements named `name` anywhere below `element`, in document order (not below a match).
    private static func descendants(_ element: XMLElement, named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(element.children.compactMap { $0 as? XMLElement }.reversed())
        while let next = stack.popLast() {
            if localName(next) == name {
                found.append(next)
            } else {
                stack.append(contentsOf: next.children.compactMap { $0 as? XMLElement }.reversed())
            }
        }
        return found
    }

    /// The text of a shared string or inline string: its `<t>`, or its runs' `<t>`s
    /// joined (phonetic runs `<rPh>` left out).
    private static func richText(_ item: XMLElement) -> String {
        var text = ""
        for child in item.children.compactMap({ $0 as? XMLElement }) {
            switch localName(child) {
            case "t": text += child.text
            case "r": text += children(child, named: "t").map(\.text).joined()
            default: continue
            }
        }
        return text
    }

    /// `xl/worksheets/../x.xml` → `xl/x.xml`.
    private static func normalised(_ part: String) -> String {
        var parts: [Substring] = []
        for piece in part.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// ZIPFoundation's error as a few words.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? Archive.ArchiveError else { return String(describing: error) }
        switch error {
        case .missingEndOfCentralDirectoryRecord: return "no end of central directory record"
        case .invalidCRC32: return "a checksum does not match"
        case .invalidCompressionMethod: return "an unknown compression method"
        default: return "damaged or unreadable"
        }
    }
}
