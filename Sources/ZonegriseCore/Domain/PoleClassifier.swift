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
    /// Substitute types (`GammeTable.services(of:)`) count as one service.
    /// - Parameter typesPresent: the types with at least one equipment in the commune.
    /// - Complexity: O(types of the table).
    public func ownPoleGammes(typesPresent: Set<String>, table: GammeTable) -> Set<Gamme> {
        ownPoleGammes(typesPresent: typesPresent, services: Self.services(table))
    }

    /// `ownPoleGammes` for many communes at once: each commune's present types are
    /// looked up in an index of the table's services (a commune has far fewer types
    /// than the table has services), and the services present counted per gamme.
    /// - Complexity: O(services of the table + Σ types present).
    public func ownPoleGammes(typesByCommune: [Set<String>], table: GammeTable) -> [Set<Gamme>] {
        let services = Self.services(table)
        // Type → (gamme position, service number within all services).
        var serviceOfType: [String: (gamme: Int, service: Int)] = [:]
        var serviceCount = 0
        var groupsPerGamme = [Int](repeating: 0, count: services.count)
        for (position, (_, groups)) in services.enumerated() {
            groupsPerGamme[position] = groups.count
            for group in groups {
                for type in group where serviceOfType[type] == nil { serviceOfType[type] = (position, serviceCount) }
                serviceCount += 1
            }
        }
        // Services seen for the current commune: `seenBy[service] == commune index`.
        var seenBy = [Int](repeating: -1, count: serviceCount)
        var present = [Int](repeating: 0, count: services.count)
        return typesByCommune.enumerated().map { index, types -> Set<Gamme> in
            guard !types.isEmpty else { return [] }
            for position in present.indices { present[position] = 0 }
            for type in types {
                guard let found = serviceOfType[type], seenBy[found.service] != index else { continue }
                seenBy[found.service] = index
                present[found.gamme] += 1
            }
            var result: Set<Gamme> = []
            for (position, (gamme, _)) in services.enumerated() where groupsPerGamme[position] > 0 {
                if Double(present[position]) >= share * Double(groupsPerGamme[position]) - 1e-9 { result.insert(gamme) }
            }
            return result
        }
    }

    private static func services(_ table: GammeTable) -> [(Gamme, [[String]])] {
        Gamme.allCases.map { ($0, table.services(of: $0)) }
    }

    private func ownPoleGammes(typesPresent: Set<String>, services: [(Gamme, [[String]])]) -> Set<Gamme> {
        var result: Set<Gamme> = []
        guard !typesPresent.isEmpty else { return result }
        for (gamme, groups) in services where !groups.isEmpty {
            let present = groups.reduce(0) { $0 + ($1.contains(where: typesPresent.contains) ? 1 : 0) }
            if Double(present) >= share * Double(groups.count) - 1e-9 { result.insert(gamme) }
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
