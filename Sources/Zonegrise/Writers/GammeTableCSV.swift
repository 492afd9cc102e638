import ZonegriseCore

/// The gamme table in the form `gammes.file` reads back, so that a derived table can be
/// checked, edited and supplied. Derived tables carry their figures and notes.
enum GammeTableCSV {
    static func bytes(_ table: GammeTable) -> [UInt8] {
        var serviceName: [String: String] = [:]
        for gamme in Gamme.allCases {
            for group in table.services(of: gamme) {
                for type in group { serviceName[type] = group.joined(separator: "+") }
            }
        }
        if let derivation = table.derivation {
            var writer = CSVWriter(header: ["typequ", "gamme", "service", "communes_avec_type", "population_apparition", "note"])
            for type in derivation.types where type.gamme != nil {
                writer.addRow([type.typequ, type.gamme!.rawValue, serviceName[type.typequ] ?? type.typequ, String(type.communesWithType),
                               type.appearancePopulation.map(String.init) ?? "", type.note])
            }
            return writer.bytes()
        }
        var writer = CSVWriter(header: ["typequ", "gamme", "service"])
        for type in table.membership.keys.sorted() {
            writer.addRow([type, table.membership[type]!.rawValue, serviceName[type] ?? type])
        }
        return writer.bytes()
    }
}
