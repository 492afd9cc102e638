/// Which BPE equipment types (`TYPEQU`) belong to which gamme.
///
/// Either read from a table the user supplies (INSEE's gamme workbook exported to CSV)
/// or derived from national BPE counts and populations (`GammeDerivation`); in the
/// second case `derivation` says how, and every output says the gammes were derived.
public struct GammeTable: Hashable, Sendable {
    /// `TYPEQU` → gamme. Types absent from the table belong to no gamme.
    public var membership: [String: Gamme]
    /// Nil when the table was read from a file; the rule and its figures when derived.
    public var derivation: GammeDerivationReport?
    /// Types counted together as one service, from a table file's optional `service`
    /// column (type → service name); empty otherwise. Derived tables use `derivation`.
    public var serviceOfType: [String: String]

    public init(membership: [String: Gamme], derivation: GammeDerivationReport? = nil, serviceOfType: [String: String] = [:]) {
        self.membership = membership
        self.derivation = derivation
        self.serviceOfType = serviceOfType
    }

    public var isDerived: Bool { derivation != nil }

    /// The types of one gamme, sorted.
    public func types(of gamme: Gamme) -> [String] {
        membership.filter { $0.value == gamme }.map(\.key).sorted()
    }

    /// The services of one gamme as the pole rule counts them, groups sorted by first type:
    /// each type on its own in a derived table whose `polesCountEachType` is true (the
    /// default, INSEE's "half of the équipements"), else `substituteGroups(of:)`.
    public func services(of gamme: Gamme) -> [[String]] {
        if let derivation, derivation.polesCountEachType { return types(of: gamme).map { [$0] } }
        return substituteGroups(of: gamme)
    }

    /// The types of one gamme with the substitutes of a derived table (INSEE's "poste" =
    /// A206, A207, A208) as one sorted group, or grouped by a file table's `service` column
    /// (each type alone when it has none); groups sorted by first type. Their number is the
    /// gamme's size counted as INSEE names its équipements (poste once).
    public func substituteGroups(of gamme: Gamme) -> [[String]] {
        let types = types(of: gamme)
        guard let derivation else {
            var groups: [String: [String]] = [:]
            for t in types { groups[serviceOfType[t] ?? t, default: []].append(t) }
            return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        }
        let substitutes = Dictionary(derivation.types.map { ($0.typequ, $0.substitutes) },
                                     uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var services: [[String]] = []
        for t in types where !seen.contains(t) {
            let group = ([t] + (substitutes[t] ?? []).filter { membership[$0] == gamme }).sorted()
            seen.formUnion(group)
            services.append(group)
        }
        return services.sorted { $0[0] < $1[0] }
    }
}

/// What a derivation did: the rule in words and one line per equipment type.
public struct GammeDerivationReport: Hashable, Sendable {
    /// One or two sentences stating the rule and its parameters, for outputs.
    public var rule: String
    /// Every type considered, sorted by `TYPEQU`.
    public var types: [DerivedType]
    /// Number of communes the national figures were computed on (those with a population).
    public var communesCounted: Int
    /// Number of communes with equipment but no population, left out of the figures.
    public var communesIgnored: Int
    /// One sentence on the data behind the figures (communes counted and ignored), for outputs.
    public var note: String
    /// Whether the pole rule counts every type of a gamme on its own (`services(of:)` gives
    /// single types) rather than substitutes once (`GammeDerivation.Parameters`).
    public var polesCountEachType = false

    public init(
        rule: String, types: [DerivedType],
        communesCounted: Int = 0, communesIgnored: Int = 0, note: String = ""
    ) {
        self.rule = rule
        self.types = types
        self.communesCounted = communesCounted
        self.communesIgnored = communesIgnored
        self.note = note
    }

    public struct DerivedType: Hashable, Sendable {
        public var typequ: String
        /// Nil when the type was considered and left out of every gamme.
        public var gamme: Gamme?
        /// Number of communes (nationally) that have at least one equipment of the type.
        public var communesWithType: Int
        /// The population (inhabitants) from which at least half of the communes have the type
        /// (`GammeDerivation.Parameters.appearanceShare`, 0.5 by default); nil when no population
        /// size reaches that share. For a type with `substitutes`, that of
        /// the service they form together (a commune has it when it has any of them).
        public var appearancePopulation: Int?
        /// Why the type is where it is, in a few words.
        public var note: String
        /// The other types counted with this one as a single service, sorted (INSEE's
        /// "poste" = bureau de poste, relais poste or agence postale); empty when none.
        public var substitutes: [String]
        /// Co-presence check, in 0...1: the share of the communes that are poles of the
        /// type's gamme (at least half of its services) which have the type or a substitute.
        /// Nil for types in no gamme.
        public var presenceAmongPoles: Double?

        public init(
            typequ: String, gamme: Gamme?, communesWithType: Int, appearancePopulation: Int?, note: String,
            substitutes: [String] = [], presenceAmongPoles: Double? = nil
        ) {
            self.typequ = typequ
            self.gamme = gamme
            self.communesWithType = communesWithType
            self.appearancePopulation = appearancePopulation
            self.note = note
            self.substitutes = substitutes
            self.presenceAmongPoles = presenceAmongPoles
        }
    }
}
