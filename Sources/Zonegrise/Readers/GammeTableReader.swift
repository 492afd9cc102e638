import Foundation
import ZonegriseCore

/// Reads a `TYPEQU → gamme` table (CSV exported from INSEE's gamme workbook): columns
/// `typequ` and `gamme` (any case; `;` or `,`), gamme values such as `proximité`,
/// `intermediaire`, `S`. An optional `service` column names the service a type counts
/// for, so that substitutes (A206, A207, A208: "poste") count once in the pole rule.
/// Other columns (labels) are ignored.
struct GammeTableReader {
    let file: String

    func read() throws -> GammeTable {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let typeColumn = try csv.column(anyOf: ["typequ", "type", "code"])
        let gammeColumn = try csv.column("gamme")
        let serviceColumn = csv.optionalColumn("service")
        var services: [String: String] = [:]
        var membership: [String: Gamme] = [:]
        var lineOf: [String: Int] = [:]
        try csv.forEachRecord { record in
            let type = record.string(typeColumn).trimmingCharacters(in: .whitespaces)
            guard !type.isEmpty else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[typeColumn], value: "", expected: "an equipment type code")
            }
            let text = record.string(gammeColumn)
            guard let gamme = Gamme(parsing: text) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[gammeColumn], value: text,
                                                  expected: "proximite, intermediaire or superieure")
            }
            if let first = lineOf[type], membership[type] != gamme {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[typeColumn], value: type,
                                                  expected: "one gamme per type (line \(first) gives \(membership[type]!.rawValue))")
            }
            lineOf[type] = record.line
            membership[type] = gamme
            if let serviceColumn, !record.isEmpty(serviceColumn) { services[type] = record.string(serviceColumn) }
        }
        guard !membership.isEmpty else { throw ZonegriseError.malformed(file: file, line: nil, detail: "the gamme table has no row") }
        for gamme in Gamme.allCases where !membership.values.contains(gamme) {
            throw ZonegriseError.malformed(file: file, line: nil, detail: "the gamme table has no type in the \(gamme.label)")
        }
        return GammeTable(membership: membership, serviceOfType: services)
    }
}
