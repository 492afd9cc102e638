import ZonegriseCore

/// Reads an origin–destination table of car times between communes: columns
/// `origin,destination,minutes` (also `origine`, `destination`, `duree`/`temps`, any
/// case, `;` or `,`), as exported from Odomatrix or Metric.
struct MatrixReader {
    let file: String

    func read(fusions: [String: String]) throws -> [String: [String: Double]] {
        try readWithLines(fusions: fusions).table
    }

    /// The table, and the first line of each commune code as written (origin or
    /// destination), for checking the codes against the geometry.
    func readWithLines(fusions: [String: String]) throws -> (table: [String: [String: Double]], firstLine: [String: Int]) {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let origin = try csv.column(anyOf: ["origin", "origine", "from", "codgeo_o", "src"])
        let destination = try csv.column(anyOf: ["destination", "dest", "to", "codgeo_d", "dst"])
        let minutes = try csv.column(anyOf: ["minutes", "duree", "temps", "time_minutes", "duree_minutes"])
        var table: [String: [String: Double]] = [:]
        // Line and time of each pair as written, to refuse the same pair given twice
        // with different times (which one to trust is not ours to guess).
        var seen: [String: (line: Int, minutes: Double)] = [:]
        var firstLine: [String: Int] = [:]
        try csv.forEachRecord { record in
            let o = record.string(origin), d = record.string(destination)
            guard CommuneReader.isCommuneCode(o), CommuneReader.isCommuneCode(d) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: "origin/destination", value: o + " → " + d,
                                                  expected: "two 5-character INSEE commune codes")
            }
            guard let value = record.double(minutes), (0 ... InputLimits.maximumMinutes).contains(value) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[minutes], value: record.string(minutes),
                                                  expected: "a number of minutes from 0 to \(InputLimits.text(InputLimits.maximumMinutes))")
            }
            if let first = seen[o + d], first.minutes != value {
                throw ZonegriseError.malformed(file: file, line: record.line,
                                               detail: "the pair \(o) → \(d) appears twice with different times (\(BandScheme.text(first.minutes)) minutes at line \(first.line), \(BandScheme.text(value)) here); keep one")
            }
            seen[o + d] = (record.line, value)
            if firstLine[o] == nil { firstLine[o] = record.line }
            if firstLine[d] == nil { firstLine[d] = record.line }
            let from = fusions[o] ?? o, to = fusions[d] ?? d
            // Merged communes: keep the fastest of the duplicated pairs.
            if let existing = table[from]?[to], existing <= value { return }
            table[from, default: [:]][to] = value
        }
        return (table, firstLine)
    }
}
