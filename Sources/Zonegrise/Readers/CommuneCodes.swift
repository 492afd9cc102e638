import ZonegriseCore

/// How rows of tabular inputs are matched to the communes of the geometry.
///
/// Handles the two vintage issues of real files: Paris, Lyon and Marseille appear as
/// municipal arrondissements (751xx, 6938x, 132xx) in INSEE tables while the geometry
/// has the whole commune; and communes merged since the geometry's vintage (`fusions`).
struct CommuneCodes {
    /// Codes of the geometry.
    let known: Set<String>
    /// Départements loaded (rows of other départements are national context, not errors).
    let departements: Set<String>
    /// Old code → new code, from the manifest.
    let fusions: [String: String]

    enum Match: Equatable {
        /// The row is for this commune of the geometry.
        case commune(String)
        /// A municipal arrondissement of this commune of the geometry.
        case arrondissement(of: String)
        /// A row of a département that is not loaded.
        case outside
        /// A row of a loaded département whose commune is not in the geometry.
        case unknown
    }

    func match(_ code: String) -> Match {
        let code = fusions[code] ?? code
        if known.contains(code) { return .commune(code) }
        if let parent = Self.plmParent(of: code), known.contains(parent) { return .arrondissement(of: parent) }
        return departements.contains(Commune.departement(ofCode: code)) ? .unknown : .outside
    }

    /// The commune of a municipal arrondissement of Paris, Lyon or Marseille.
    static func plmParent(of code: String) -> String? {
        guard code.count == 5, let number = Int(code) else { return nil }
        switch number {
        case 75101 ... 75120: return "75056"
        case 69381 ... 69389: return "69123"
        case 13201 ... 13216: return "13055"
        default: return nil
        }
    }

    static func isPLMParent(_ code: String) -> Bool { ["75056", "69123", "13055"].contains(code) }
}
