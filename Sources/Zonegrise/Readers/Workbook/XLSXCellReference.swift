/// A cell reference of a worksheet (`B3`, `AA12`): a 0-based column and a 1-based row,
/// as SpreadsheetML writes them (ECMA-376 Part 1, §18.3.1.4, `r` attribute).
struct XLSXCellReference: Hashable, Sendable, CustomStringConvertible {
    /// 0-based: A is 0, Z is 25, AA is 26.
    var column: Int
    /// 1-based, as written.
    var row: Int

    /// Parses `letters digits`; nil for anything else (columns beyond XFD are refused).
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 65 ... 90, 97 ... 122:
                guard digits == 0 else { return nil }
                column = column * 26 + Int((scalar.value | 0x20) - 96)
                letters += 1
            case 48 ... 57:
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            case 36: continue  // `$A$1`: absolute references, the same cell
            default: return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row > 0, column <= 16_384 else { return nil }
        self.column = column - 1
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The column's letters: 0 is A, 25 Z, 26 AA.
    static func letters(ofColumn column: Int) -> String {
        var n = column + 1
        var scalars: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            scalars.append(Character(UnicodeScalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    var description: String { Self.letters(ofColumn: column) + String(row) }
}
