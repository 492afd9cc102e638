/// Decides which communes are service poles of each gamme (METHOD.md §2).
///
/// A commune is a pole of a gamme when it has at least `share` of the gamme's types
/// (INSEE: half). With `hierarchy`, a pole of a higher gamme also counts as a pole of
/// the lower ones (the SDAASP reading); without it each gamme stands alone.
public struct PoleClassifier: Hashable, Sendable {
    /// Minimal share of the gamme's types present, in [0, 1].
    public var share: Double
    public var hierarchy: Bool

    public init(share: Double = 0.5, hierarchy: Bool = true) {
        self.share = share
        self.hierarchy = hierarchy
    }

    /// The gammes a commune is a pole of, on its own equipment only (no hierarchy).
    /// - Parameter typesPresent: the types with at least one equipment in the commune.
    /// - Complexity: O(types present).
    public func ownPoleGammes(typesPresent: Set<String>, table: GammeTable) -> Set<Gamme> {
        ownPoleGammes(typesPresent: typesPresent, table: table, sizes: Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, table.size(of: $0)) }))
    }

    /// `ownPoleGammes` for many communes at once.
    /// - Complexity: O(total types present + table size).
    public func ownPoleGammes(typesByCommune: [Set<String>], table: GammeTable) -> [Set<Gamme>] {
        let sizes = Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, table.size(of: $0)) })
        return typesByCommune.map { ownPoleGammes(typesPresent: $0, table: table, sizes: sizes) }
    }

    private func ownPoleGammes(typesPresent: Set<String>, table: GammeTable, sizes: [Gamme: Int]) -> Set<Gamme> {
        var counts: [Gamme: Int] = [:]
        for type in typesPresent {
            if let gamme = table.membership[type] { counts[gamme, default: 0] += 1 }
        }
        var result: Set<Gamme> = []
        for gamme in Gamme.allCases {
            let total = sizes[gamme] ?? 0
            guard total > 0 else { continue }
            if Double(counts[gamme] ?? 0) >= share * Double(total) - 1e-9 { result.insert(gamme) }
        }
        return result
    }

    /// The niveau de pôle: the highest gamme of `ownPoleGammes`.
    public func level(typesPresent: Set<String>, table: GammeTable) -> PoleLevel {
        PoleLevel(ownPoleGammes(typesPresent: typesPresent, table: table).max())
    }

    /// Whether a commune with pole gammes `own` counts as a pole of `gamme`.
    public func counts(_ own: Set<Gamme>, asPoleOf gamme: Gamme) -> Bool {
        if own.contains(gamme) { return true }
        return hierarchy && own.contains { $0 > gamme }
    }
}

extension GammeTable {
    /// Number of types in a gamme.
    public func size(of gamme: Gamme) -> Int { membership.values.reduce(0) { $1 == gamme ? $0 + 1 : $0 } }
}
