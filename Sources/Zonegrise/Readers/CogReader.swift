import ZonegriseCore

/// Reads INSEE's *Code officiel géographique* communes file (`v_commune_2024.csv`:
/// `TYPECOM`, `COM`, `COMPARENT`; `,`-separated, quoted), the list of the communes of one
/// date and of the communes déléguées (`COMD`) and associées (`COMA`) of communes
/// nouvelles or fusions, each with its parent commune.
///
/// Municipal arrondissements (`ARM`) are not read: the rows of Paris, Lyon and Marseille
/// are handled by `CommuneCodes` (the whole commune has its own population row).
struct CogReader {
    let file: String

    /// What the COG says about the codes the analysis meets.
    struct Registry: Sendable, Equatable {
        /// Codes of the communes (`TYPECOM` = `COM`) at the COG's date.
        var communes: Set<String>
        /// Commune déléguée or associée → the commune it belongs to (`COMPARENT`), for
        /// the codes that are not themselves a commune any more (a commune nouvelle keeps
        /// the code of one of its communes déléguées: that one is not listed here).
        var parentOf: [String: String]
    }

    /// Reads every row.
    /// - Throws: `ZonegriseError.missingColumn` without `TYPECOM`, `COM` or `COMPARENT`;
    ///   `invalidValue` for a code that is not 5 characters, or a déléguée without parent.
    /// - Complexity: O(bytes) (37,544 rows in 2024).
    func read() throws -> Registry {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let typeColumn = try csv.column("TYPECOM"), codeColumn = try csv.column("COM"), parentColumn = try csv.column("COMPARENT")
        var communes: Set<String> = []
        var parents: [(code: String, parent: String)] = []
        try csv.forEachRecord { record in
            let type = record.string(typeColumn), code = record.string(codeColumn)
            guard type == "COM" || type == "COMD" || type == "COMA" else { return }
            guard CommuneReader.isCommuneCode(code) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[codeColumn], value: code,
                                                  expected: "a 5-character INSEE commune code")
            }
            if type == "COM" {
                communes.insert(code)
                return
            }
            let parent = record.string(parentColumn)
            guard CommuneReader.isCommuneCode(parent) else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[parentColumn], value: parent,
                                                  expected: "the 5-character code of the commune that \(type) \(code) belongs to")
            }
            if parent != code { parents.append((code, parent)) }
        }
        var parentOf: [String: String] = [:]
        for (code, parent) in parents where !communes.contains(code) { parentOf[code] = parent }
        return Registry(communes: communes, parentOf: parentOf)
    }
}
