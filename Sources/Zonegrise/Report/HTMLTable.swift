import ZonegriseCore

/// A table of the report. Each figure cell carries its value as the CSV files write it
/// (`data-value="21.51"`) beside the French text (`21,5 %`), and its column's CSV name
/// (`data-col="part_population_pct"`), so that the report can be checked against them.
struct HTMLTable {
    struct Cell {
        var text: String
        /// The CSV text of the figure; nil for a text cell.
        var value: String?
        var isNumber: Bool { value != nil }

        static func text(_ text: String) -> Cell { Cell(text: text, value: nil) }
        static func int(_ value: Int) -> Cell { Cell(text: FrenchNumber.integer(value), value: String(value)) }
        /// A share in percent: 1 decimal in the text, 2 in the value (as the CSV files).
        static func percent(_ value: Double) -> Cell {
            Cell(text: FrenchNumber.percent(value), value: DecimalText.format(value, decimals: AnalysisOutputs.shareDecimals))
        }
        static func minutes(_ value: Double) -> Cell { Cell(text: FrenchNumber.minutes(value), value: BandScheme.text(value)) }
    }

    var id: String
    var caption: String
    /// CSV column name and French header of each column.
    var columns: [(key: String, label: String)]
    /// Rows with a key (`data-key`, e.g. the gamme) and one cell per column.
    var rows: [(key: String, cells: [Cell])]

    var html: String {
        var out = "<table id=\"\(id)\">\n<caption>\(HTMLText.escape(caption))</caption>\n<thead><tr>"
        for column in columns { out += "<th scope=\"col\">\(HTMLText.escape(column.label))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr data-key=\"\(HTMLText.escape(row.key))\">"
            for (column, cell) in zip(columns, row.cells) {
                if let value = cell.value {
                    out += "<td class=\"nombre\" data-col=\"\(column.key)\" data-value=\"\(HTMLText.escape(value))\">\(HTMLText.escape(cell.text))</td>"
                } else {
                    out += "<td data-col=\"\(column.key)\">\(HTMLText.escape(cell.text))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
