import Foundation
import ZIPFoundation

/// Writes small Office Open XML workbooks (`.xlsx`) in the layout of INSEE's: several
/// sheets, title rows above the header, shared strings (some as rich text runs), inline
/// strings, numbers, missing cells. Made with ZIPFoundation (deflated entries, a fixed
/// date), so that the bytes are the same on every run.
package enum XLSXFixture {
    package enum Cell: Sendable {
        /// A shared string (`t="s"`).
        case shared(String)
        /// A shared string written as rich text runs (`<r><t>…</t></r>`), joined when read.
        case rich([String])
        /// An inline string (`t="inlineStr"`).
        case inline(String)
        /// A number (`<v>`, no `t`).
        case number(String)
        /// No cell.
        case none
    }

    package struct Sheet: Sendable {
        package var name: String
        /// Rows from row 1; each cell from column A (`.none` leaves it out).
        package var rows: [[Cell]]
        package init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// INSEE's layout: a notes sheet first, then the table sheet with two title rows and a
    /// blank row above the header (TYPEQU in column B, the label in C, GAMME in AB: a
    /// column beyond Z), accents, rich text, an inline string and a numeric gamme code.
    package static let inseeLayout: [Sheet] = {
        var header: [Cell] = Array(repeating: .none, count: 28)
        header[1] = .shared("TYPEQU")
        header[2] = .shared("Libellé de l'équipement")
        header[27] = .shared("Gamme")
        func row(_ type: Cell, _ label: String, _ gamme: Cell) -> [Cell] {
            var cells: [Cell] = Array(repeating: .none, count: 28)
            cells[1] = type
            cells[2] = .shared(label)
            cells[27] = gamme
            return cells
        }
        return [
            Sheet(name: "Notes", rows: [[.shared("Composition des gammes d'équipements")], [.shared("Source : Insee, BPE")]]),
            Sheet(name: "Gammes 2019", rows: [
                [.shared("Gammes d'équipements de la base permanente des équipements")],
                [.shared("Champ : France")],
                [],
                header,
                row(.shared("P1"), "Boulangerie", .shared("Gamme de proximité")),
                row(.inline("P2"), "Épicerie", .rich(["Gamme de ", "proximité"])),
                row(.shared("I1"), "Supermarché", .shared("INTERMÉDIAIRE")),
                row(.shared("S1"), "Hypermarché", .shared("Gamme supérieure")),
                row(.shared("S2"), "Lycée", .number("3")),
                [],
                [.none, .shared("Note : les types absents ne sont dans aucune gamme.")],
            ]),
        ]
    }()

    /// The workbook's bytes.
    package static func bytes(_ sheets: [Sheet]) throws -> Data {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        var richItems: [Int: [String]] = [:]
        func share(_ text: String, runs: [String]? = nil) -> Int {
            let key = (runs.map { "rich:" + $0.joined(separator: "\u{1}") }) ?? text
            if let index = stringIndex[key] { return index }
            strings.append(text)
            stringIndex[key] = strings.count - 1
            if let runs { richItems[strings.count - 1] = runs }
            return strings.count - 1
        }
        var parts: [(String, String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            for (r, row) in sheet.rows.enumerated() where row.contains(where: { if case .none = $0 { false } else { true } }) {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    let ref = letters(c) + String(r + 1)
                    switch cell {
                    case let .shared(text): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(share(text))</v></c>"
                    case let .rich(runs): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(share(runs.joined(), runs: runs))</v></c>"
                    case let .inline(text): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                    case let .number(text): xml += "<c r=\"\(ref)\"><v>\(text)</v></c>"
                    case .none: continue
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml))
        }
        var shared = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        shared += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
        for (index, text) in strings.enumerated() {
            if let runs = richItems[index] {
                shared += "<si>" + runs.enumerated().map { "<r>\($0.offset > 0 ? "<rPr><b/></rPr>" : "")<t xml:space=\"preserve\">\(escape($0.element))</t></r>" }.joined() + "</si>"
            } else {
                shared += "<si><t>\(escape(text))</t></si>"
            }
        }
        shared += "</sst>"
        let sheetList = sheets.enumerated().map { "<sheet name=\"\(escape($0.element.name))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
        let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>"
        let relations = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        let workbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>"
        let contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
        let rootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        let all = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
                   ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/sharedStrings.xml", shared)] + parts
        return try zip(all.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A zip archive of these entries, deflated, dated 1 January 2020.
    package static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Int(position) ..< Int(position) + size)
                                 })
        }
        return archive.data!
    }

    static func letters(_ column: Int) -> String {
        var n = column + 1, out = ""
        while n > 0 {
            out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
