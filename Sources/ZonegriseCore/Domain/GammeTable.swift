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

    public init(membership: [String: Gamme], derivation: GammeDerivationReport? = nil) {
        self.membership = membership
        self.derivation = derivation
    }

    public var isDerived: Bool { derivation != nil }

    /// The types of one gamme, sorted.
    public func types(of gamme: Gamme) -> [String] {
        membership.filter { $0.value == gamme }.map(\.key).sorted()
    }
}

/// What a derivation did: the rule in words and one line per equipment type.
public struct GammeDerivationReport: Hashable, Sendable {
    /// One or two sentences stating the rule and its parameters, for outputs.
    public var rule: String
    /// Every type considered, sorted by `TYPEQU`.
    public var types: [DerivedType]

    public init(rule: String, types: [DerivedType]) {
        self.rule = rule
        self.types = types
    }

    public struct DerivedType: Hashable, Sendable {
        public var typequ: String
        /// Nil when the type was considered and left out of every gamme.
        public var gamme: Gamme?
        /// Number of communes (nationally) that have at least one equipment of the type.
        public var communesWithType: Int
        /// The population (inhabitants) from which at least half of the communes have the type;
        /// nil when no population size reaches half.
        public var appearancePopulation: Int?
        /// Why the type is where it is, in a few words.
        public var note: String

        public init(typequ: String, gamme: Gamme?, communesWithType: Int, appearancePopulation: Int?, note: String) {
            self.typequ = typequ
            self.gamme = gamme
            self.communesWithType = communesWithType
            self.appearancePopulation = appearancePopulation
            self.note = note
        }
    }
}
