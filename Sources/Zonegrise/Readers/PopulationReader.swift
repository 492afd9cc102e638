import ZonegriseCore

/// Reads populations: INSEE *populations légales* (`;`, `COM`, `PMUN`) or a plain
/// `code,population` CSV (UTF-8 with or without BOM, CRLF or LF).
///
/// Keeps every row (national files feed the derivation of gammes) and matches the rows
/// of loaded départements to the geometry.
struct PopulationReader {
    let file: String

    struct Output {
        /// Every row: code → inhabitants (Paris, Lyon, Marseille as in the file).
        var national: [String: Int]
        /// Per commune of the geometry.
        var byCommune: [String: Int]
        /// Rows of loaded départements with no commune in the geometry (code, line, inhabitants).
        var unmatched: [(code: String, line: Int, population: Int)]
        /// Arrondissement rows ignored because the whole commune has its own row.
        var arrondissementRowsIgnored: Int
    }

    /// Every row of the file, checked, before matching them to the geometry: parsing
    /// does not need the communes, so it runs while they load.
    struct Parsed: Sendable {
        /// Every row: code → inhabitants (Paris, Lyon, Marseille as in the file).
        var national: [String: Int]
        /// Line of each row.
        var lineOf: [String: Int]

        /// Inhabitants of the file's rows in `departements` and in `analysisArea`: every
        /// row once, but a municipal arrondissement of Paris, Lyon or Marseille only when
        /// the file has no row for its whole commune (INSEE's files since 2019 have both).
        /// - Complexity: O(rows).
        func total(ofDepartements departements: Set<String>, analysisArea: Set<String>) -> (loaded: Int, analysisArea: Int) {
            var loaded = 0, analysed = 0
            for (code, population) in national {
                if let parent = CommuneCodes.plmParent(of: code), national[parent] != nil { continue }
                let departement = Commune.departement(ofCode: code)
                if departements.contains(departement) { loaded += population }
                if analysisArea.contains(departement) { analysed += population }
            }
            return (loaded, analysed)
        }

        /// Matches the rows to the geometry.
        /// - Complexity: one match per row.
        func match(_ codes: CommuneCodes) -> Output {
            var byCommune: [String: Int] = [:]
            var unmatched: [(String, Int, Int)] = []
            var ignored = 0
            for code in national.keys.sorted() {
                let population = national[code]!
                switch codes.match(code) {
                case let .commune(commune):
                    byCommune[commune, default: 0] += population
                case let .arrondissement(of: parent):
                    if national[parent] != nil { ignored += 1 } else { byCommune[parent, default: 0] += population }
                case .outside:
                    continue
                case .unknown:
                    unmatched.append((code, lineOf[code]!, population))
                }
            }
            return Output(national: national, byCommune: byCommune, unmatched: unmatched.sorted { $0.1 < $1.1 },
                          arrondissementRowsIgnored: ignored)
        }
    }

    /// Reads and checks every row.
    /// - Complexity: O(bytes).
    func parse() throws -> Parsed {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let codeColumn: Int, populationColumn: Int
        if csv.optionalColumn("COM") != nil, csv.optionalColumn("PMUN") != nil {
            codeColumn = try csv.column("COM")
            populationColumn = try csv.column("PMUN")
        } else {
            codeColumn = try csv.column(anyOf: ["code", "codgeo", "insee", "code_insee", "commune", "COM"])
            populationColumn = try csv.column(anyOf: ["population", "PMUN", "pop", "P_POP"])
        }
        var national: [String: Int] = [:]
        var lineOf: [String: Int] = [:]
        try csv.forEachRecord { record in
            let code = record.string(codeColumn)
            guard CommuneReader.isCommuneCode(code) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[codeColumn], value: code,
                                                  expected: "a 5-character INSEE commune code")
            }
            // At most `InputLimits.maximumPopulation`: sums of rows cannot overflow.
            guard let population = record.int(populationColumn), (0 ... InputLimits.maximumPopulation).contains(population) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[populationColumn],
                                                  value: record.string(populationColumn),
                                                  expected: "a whole number of inhabitants from 0 to \(InputLimits.text(InputLimits.maximumPopulation))")
            }
            if let first = lineOf[code] {
                throw ZonegriseError.duplicateCode(file: file, code: code, first: "line \(first)", second: "line \(record.line)")
            }
            lineOf[code] = record.line
            national[code] = population
        }
        return Parsed(national: national, lineOf: lineOf)
    }
}
