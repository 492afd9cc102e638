import ZonegriseCore

/// `zonegrise gammes`: derives the gamme table from national files alone.
public enum GammeDerivationCommand {
    public struct Output {
        /// The table as CSV (`typequ,gamme,…`).
        public var csv: [UInt8]
        /// The rule and the sizes, for a terminal.
        public var summary: String
        public var table: GammeTable
    }

    public static func derive(populations: String, equipment: String) throws -> Output {
        let none = CommuneCodes(known: [], departements: [], fusions: [:])
        var national = try PopulationReader(file: populations).read(codes: none).national
        for parent in ["75056", "69123", "13055"] where national.keys.contains(where: { CommuneCodes.plmParent(of: $0) == parent }) {
            national[parent] = nil
        }
        let types = try EquipmentReader(file: equipment).read(codes: none).nationalTypes
        let table = GammeDerivation().derive(populations: national, typesByCommune: types)
        let sizes = Gamme.allCases.map { "\(table.size(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
        return Output(csv: GammeTableCSV.bytes(table),
                      summary: "Gammes derived (\(sizes)). Rule: \(table.derivation?.rule ?? "")", table: table)
    }
}
