import ZonegriseCore

/// `zonegrise gammes`: derives the gamme table from national files alone.
public enum GammeDerivationCommand {
    public struct Output {
        /// The table as CSV (`typequ,gamme,…`).
        public var csv: [UInt8]
        /// The rule and the sizes, for a terminal, then a line per input read as
        /// Windows-1252 because it was not UTF-8.
        public var summary: String
        public var table: GammeTable
        /// The inputs that were not UTF-8 (`input_not_utf8`).
        public var warnings: [RunWarning] = []
    }

    public static func derive(populations: String, equipment: String) throws -> Output {
        let log = InputEncodingLog()
        let table = try log.run {
            derive(nationalPopulations: try PopulationReader(file: populations).parse().national,
                   types: try EquipmentReader(file: equipment).parse().nationalTypes)
        }
        let warnings = log.warnings(inOrder: [populations, equipment])
        let sizes = Gamme.allCases.map { "\(table.size(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
        return Output(csv: GammeTableCSV.bytes(table),
                      summary: "Gammes derived (\(sizes)). Rule: \(table.derivation?.rule ?? "")" + warnings.map { "\nwarning: " + $0.message }.joined(),
                      table: table, warnings: warnings)
    }

    /// The derivation on national rows as read (docs/GAMMES.md). Paris, Lyon, Marseille:
    /// INSEE tables carry both the commune and its arrondissements, BPE only the
    /// arrondissements, so the whole commune's row is left out where its arrondissements
    /// are there.
    static func derive(nationalPopulations: [String: Int], types: [String: Set<String>]) -> GammeTable {
        var national = nationalPopulations
        for parent in ["75056", "69123", "13055"] where national.keys.contains(where: { CommuneCodes.plmParent(of: $0) == parent }) {
            national[parent] = nil
        }
        return GammeDerivation().derive(populations: national, typesByCommune: types)
    }
}
