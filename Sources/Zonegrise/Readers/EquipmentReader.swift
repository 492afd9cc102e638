import ZonegriseCore

/// Reads INSEE BPE equipment: counts per commune (`DEPCOM, TYPEQU, NB_EQUIP`, one row
/// per commune × IRIS × type) or the geolocated layout (`DEPCOM, TYPEQU, LAMBERT_X,
/// LAMBERT_Y`, one row per equipment). Plain or gzip.
///
/// Equipment is located at its commune: poles are decided on commune counts. Points
/// without coordinates are counted and reported.
struct EquipmentReader {
    let file: String

    struct Output {
        /// Types present per code, for every row of the file (national context).
        var nationalTypes: [String: Set<String>]
        /// Equipment count per commune of the geometry and type.
        var countsByCommune: [String: [String: Int]]
        var unmatched: [(code: String, line: Int)]
        var rows: Int
        var layout: String
        /// Geolocated layout only: rows with and without coordinates.
        var located: Int
        var unlocated: Int
    }

    /// The file's rows summed per code as written in the file, before matching them
    /// to the geometry: parsing does not need the communes, so it runs while they load.
    struct Parsed: Sendable {
        var nationalTypes: [String: Set<String>]
        /// Equipment count per code of the file and type (rows with a count > 0).
        var countsByCode: [String: [String: Int]]
        /// First line of each code of `countsByCode`.
        var firstLine: [String: Int]
        var rows: Int
        var geolocated: Bool
        var located: Int
        var unlocated: Int

        /// Matches the codes to the geometry (arrondissements to their commune, codes of
        /// other départements left out, unknown codes listed with their first line).
        /// - Complexity: O(rows summed), one match per distinct code.
        func match(_ codes: CommuneCodes) -> Output {
            var counts: [String: [String: Int]] = [:]
            var unmatched: [(code: String, line: Int)] = []
            for (code, types) in countsByCode {
                switch codes.match(code) {
                case let .commune(commune), let .arrondissement(of: commune):
                    for (type, count) in types { counts[commune, default: [:]][type, default: 0] += count }
                case .outside:
                    break
                case .unknown:
                    unmatched.append((code, firstLine[code]!))
                }
            }
            return Output(nationalTypes: nationalTypes, countsByCommune: counts, unmatched: unmatched.sorted { $0.line < $1.line },
                          rows: rows, layout: geolocated ? "BPE géolocalisée" : "BPE comptages", located: located, unlocated: unlocated)
        }
    }

    func read(codes: CommuneCodes) throws -> Output {
        try parse().match(codes)
    }

    /// Reads and checks every row.
    /// - Complexity: O(bytes).
    func parse() throws -> Parsed {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let communeColumn = try csv.column(anyOf: ["DEPCOM", "CODGEO", "commune"])
        let typeColumn = try csv.column("TYPEQU")
        let countColumn = csv.optionalColumn("NB_EQUIP")
        let xColumn = csv.optionalColumn("LAMBERT_X"), yColumn = csv.optionalColumn("LAMBERT_Y")
        let geolocated = xColumn != nil && yColumn != nil
        guard geolocated || countColumn != nil else {
            throw ZonegriseError.missingColumn(file: file, column: "NB_EQUIP (or LAMBERT_X and LAMBERT_Y for geolocated BPE)", available: csv.header)
        }
        var national: [String: Set<String>] = [:]
        var counts: [String: [String: Int]] = [:]
        var firstLine: [String: Int] = [:]
        var rows = 0, located = 0, unlocated = 0
        try csv.forEachRecord { record in
            rows += 1
            let code = record.string(communeColumn)
            let type = record.string(typeColumn)
            guard !type.isEmpty else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: "TYPEQU", value: "", expected: "an equipment type code such as D201")
            }
            var count = 1
            if let countColumn {
                guard let value = record.int(countColumn), value >= 0 else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "NB_EQUIP",
                                                      value: record.string(countColumn), expected: "a whole number of equipments")
                }
                count = value
            }
            if geolocated {
                if record.isEmpty(xColumn!) || record.isEmpty(yColumn!) {
                    unlocated += 1
                } else if record.double(xColumn!) == nil || record.double(yColumn!) == nil {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "LAMBERT_X/LAMBERT_Y",
                                                      value: record.string(xColumn!) + " " + record.string(yColumn!), expected: "Lambert-93 metres")
                } else {
                    located += 1
                }
            }
            guard count > 0 else { return }
            national[code, default: []].insert(type)
            if firstLine[code] == nil {
                guard CommuneReader.isCommuneCode(code) else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[communeColumn], value: code,
                                                      expected: "a 5-character INSEE commune code")
                }
                firstLine[code] = record.line
            }
            counts[code, default: [:]][type, default: 0] += count
        }
        return Parsed(nationalTypes: national, countsByCode: counts, firstLine: firstLine, rows: rows, geolocated: geolocated,
                      located: located, unlocated: unlocated)
    }
}
