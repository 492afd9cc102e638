import Foundation  // log10, pow

/// Derives a `TYPEQU` → gamme table from national BPE presence and populations, for when
/// no official table is supplied (METHOD.md §1; the rule, its defaults and the resulting
/// BPE 2019 table are in docs/GAMMES.md).
///
/// The SDAASP sets the gammes "from national indicators: the number of communes that have
/// the service, the population size at which a service appears". The rule uses the second
/// as its criterion and reports the first:
/// 1. Types of an excluded domain (E transports, G tourism: INSEE leaves them out of its
///    gammes) or listed in `excludedTypes` (presence driven by geography) get no gamme.
/// 2. Types that stand in for one another count as one *service*, present in a commune when
///    any of them is (INSEE's "poste", "police-gendarmerie", "épicerie-supérette").
/// 3. Communes fall into population classes of 1/`classesPerDecade` of a decade. Per class,
///    the share of communes having the service is made non-decreasing in population
///    (weighted isotonic regression, pool-adjacent-violators, in exact integer arithmetic).
///    The *appearance population* is where that curve, interpolated linearly in
///    log10(population) between class centres, first reaches `appearanceShare`.
/// 4. Appearance population up to `proximiteMaxInhabitants`: proximité; up to
///    `intermediaireMaxInhabitants`: intermédiaire; up to `superieureMaxInhabitants`:
///    supérieure; beyond, or never reached: no gamme (the "métropolitain" level has none).
///
/// As a co-presence check (INSEE groups types frequently present together), every type in
/// a gamme also reports the share of that gamme's poles that have it; it does not change
/// the assignment.
public struct GammeDerivation: Sendable {
    /// The thresholds of the rule. The cut points are calibrated on the national figures of
    /// issue 10 (metropolitan France, `sdaasp` convention, crow-fly: 7.5 / 3.6 / 8.1 % of
    /// inhabitants in zone grise), the only target they were tuned to (docs/GAMMES.md).
    public struct Parameters: Hashable, Sendable {
        /// Population classes per factor of ten (8: classes 1000–1333, 1334–1778, …).
        /// - Precondition: 1...100.
        public var classesPerDecade: Int = 8
        /// Share of the communes of a class (0 < share <= 1) that must have a service for it
        /// to have appeared at that size: 0.5, "at least half".
        public var appearanceShare: Double = 0.5
        /// Largest appearance population, in inhabitants, of a proximité service (2750).
        public var proximiteMaxInhabitants: Int = 2_750
        /// Largest appearance population, in inhabitants, of an intermédiaire service (8300).
        public var intermediaireMaxInhabitants: Int = 8_300
        /// Largest appearance population, in inhabitants, of a supérieure service (50000);
        /// rarer services get no gamme.
        public var superieureMaxInhabitants: Int = 50_000
        /// First letters of the `TYPEQU` domains left out: E (transports et déplacements)
        /// and G (tourisme), which INSEE's gammes do not cover.
        public var excludedDomains: Set<Character> = ["E", "G"]
        /// Types left out because their presence follows geography, not population:
        /// établissement thermal, domaine skiable, sports nautiques, baignade aménagée,
        /// port de plaisance, boucle de randonnée.
        public var excludedTypes: Set<String> = ["D305", "F105", "F118", "F201", "F202", "F203"]
        /// Types left out because the service is delivered at the customer's home, so that
        /// nobody travels to it: the building trades (maçon, plâtrier peintre, menuisier
        /// charpentier serrurier, plombier couvreur chauffagiste, électricien, entreprise
        /// générale du bâtiment). Present in most villages, they would make poles of
        /// communes that give their inhabitants access to little.
        public var homeDeliveredTypes: Set<String> = ["A401", "A402", "A403", "A404", "A405", "A406"]
        /// Groups of types counted as one service (a commune has the service when it has any
        /// of them): police | gendarmerie; bureau de poste | relais poste | agence postale;
        /// supérette | épicerie; école maternelle | maternelle de RPI dispersé; école
        /// élémentaire | élémentaire de RPI dispersé.
        /// - Precondition: no type in two groups.
        public var substitutes: [[String]] = [
            ["A101", "A104"], ["A206", "A207", "A208"], ["B201", "B202"], ["C101", "C102"], ["C104", "C105"],
        ]
        /// For the co-presence check only: a commune is a pole of a gamme when it has at
        /// least this share (0 < share <= 1) of the gamme's services (METHOD.md §2: 0.5).
        public var poleShare: Double = 0.5
        /// Whether poles count every `TYPEQU` of the gamme on its own (true: INSEE's rule,
        /// "half of the équipements of the gamme", its table having one row per type) or
        /// substitutes once (false). Substitutes share one appearance population either way.
        public var polesCountEachType = true

        public init() {}
    }

    public var parameters: Parameters

    public init(parameters: Parameters = .init()) {
        self.parameters = parameters
    }

    /// Derives the table.
    ///
    /// - Parameters:
    ///   - populations: commune code → inhabitants (population municipale). Every commune
    ///     counts, with or without equipment; fewer than 1 inhabitant counts as 1.
    ///   - typesByCommune: commune code → the types it has (count > 0). Communes missing
    ///     from `populations` are ignored and counted in the report.
    /// - Returns: the membership of every type that gets a gamme, and a report with one line
    ///   per type seen in `typesByCommune`, sorted by `TYPEQU`.
    /// - Complexity: O(communes × types), plus sorting the commune codes.
    public func derive(populations: [String: Int], typesByCommune: [String: Set<String>]) -> GammeTable {
        parameters.checkPreconditions()
        let p = parameters
        let communes = populations.keys.sorted()
        let ignored = typesByCommune.keys.reduce(0) { $0 + (populations[$1] == nil ? 1 : 0) }
        let allTypes = Set(typesByCommune.values.joined()).sorted()

        // Population classes: class k holds populations in [10^(k/c), 10^((k+1)/c)).
        let classes = PopulationClasses(classesPerDecade: p.classesPerDecade,
                                        largest: populations.values.max() ?? 1)
        let classOfCommune = communes.map { classes.index(of: populations[$0] ?? 1) }
        var communesInClass = [Int](repeating: 0, count: classes.count)
        for k in classOfCommune { communesInClass[k] += 1 }

        // Services: substitute groups restricted to the types considered, then singletons.
        let considered = allTypes.filter { !p.isExcluded($0) }
        let consideredSet = Set(considered)
        var members = p.substitutes
            .map { Set($0).intersection(consideredSet).sorted() }
            .filter { !$0.isEmpty }
        let grouped = Set(members.joined())
        members += considered.filter { !grouped.contains($0) }.map { [$0] }
        members.sort { $0[0] < $1[0] }
        var serviceOfType: [String: Int] = [:]
        for (s, group) in members.enumerated() {
            for t in group { serviceOfType[t] = s }
        }

        // One pass over the communes: own counts per type, presence per service and class,
        // and each commune's services (flat) for the co-presence check.
        var communesWithType: [String: Int] = [:]
        var hits = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: members.count)
        var servicesFlat: [Int] = []
        var servicesStart: [Int] = [0]
        servicesStart.reserveCapacity(communes.count + 1)
        for (i, code) in communes.enumerated() {
            if let types = typesByCommune[code] {
                var present: [Int] = []
                for t in types {
                    communesWithType[t, default: 0] += 1
                    if let s = serviceOfType[t] { present.append(s) }
                }
                present.sort()
                var last = -1
                for s in present where s != last {
                    hits[s][classOfCommune[i]] += 1
                    servicesFlat.append(s)
                    last = s
                }
            }
            servicesStart.append(servicesFlat.count)
        }

        // Appearance population and gamme of every service.
        let appearance: [Double?] = hits.map {
            Self.appearancePopulation(hits: $0, communes: communesInClass, classes: classes, share: p.appearanceShare)
        }
        let gammeOfService: [Gamme?] = appearance.map { $0.flatMap(p.gamme(appearingAt:)) }

        // Co-presence check: share of each gamme's poles that have the service. A gamme's
        // size for the pole rule: its types, or its services (substitutes once).
        var servicesInGamme = [Int](repeating: 0, count: Gamme.allCases.count)
        let counted = p.polesCountEachType ? considered.map { gammeOfService[serviceOfType[$0]!] } : gammeOfService
        for g in counted.compactMap({ $0 }) { servicesInGamme[g.rank] += 1 }
        var poles = [Int](repeating: 0, count: Gamme.allCases.count)
        var polesWithService = [Int](repeating: 0, count: members.count)
        for (i, code) in communes.enumerated() {
            let present = servicesFlat[servicesStart[i]..<servicesStart[i + 1]]
            var count = [Int](repeating: 0, count: Gamme.allCases.count)
            if p.polesCountEachType {
                for t in typesByCommune[code] ?? [] {
                    if let s = serviceOfType[t], let g = gammeOfService[s] { count[g.rank] += 1 }
                }
            } else {
                for s in present { if let g = gammeOfService[s] { count[g.rank] += 1 } }
            }
            let isPole = Gamme.allCases.map {
                servicesInGamme[$0.rank] > 0
                    && Double(count[$0.rank]) >= p.poleShare * Double(servicesInGamme[$0.rank])
            }
            for (r, pole) in isPole.enumerated() where pole { poles[r] += 1 }
            for s in present { if let g = gammeOfService[s], isPole[g.rank] { polesWithService[s] += 1 } }
        }

        var membership: [String: Gamme] = [:]
        var lines: [GammeDerivationReport.DerivedType] = []
        lines.reserveCapacity(allTypes.count)
        for t in allTypes {
            let own = communesWithType[t] ?? 0
            guard let s = serviceOfType[t] else {
                lines.append(.init(typequ: t, gamme: nil, communesWithType: own, appearancePopulation: nil,
                                   note: p.exclusionNote(t)))
                continue
            }
            let gamme = gammeOfService[s]
            let substitutes = members[s].filter { $0 != t }
            var presence: Double?
            if let g = gamme, poles[g.rank] > 0 {
                presence = Double(polesWithService[s]) / Double(poles[g.rank])
            }
            if let g = gamme { membership[t] = g }
            lines.append(.init(
                typequ: t, gamme: gamme, communesWithType: own,
                appearancePopulation: appearance[s].map { Int($0.rounded()) },
                note: p.note(appearance: appearance[s], gamme: gamme, substitutes: substitutes,
                             presence: presence, anyCommune: hits[s].contains { $0 > 0 }),
                substitutes: substitutes, presenceAmongPoles: presence
            ))
        }

        let note = "Computed on \(communes.count) communes with a population; "
            + "\(ignored) communes with equipment but no population ignored."
        var report = GammeDerivationReport(rule: p.ruleText, types: lines, communesCounted: communes.count,
                                           communesIgnored: ignored, note: note)
        report.polesCountEachType = p.polesCountEachType
        return GammeTable(membership: membership, derivation: report)
    }

    /// The population (inhabitants, not rounded) from which at least `share` of the communes
    /// have the service, or nil when no class reaches it.
    ///
    /// `hits[k]` and `communes[k]` are the communes of class k having the service and in all.
    /// Empty classes are skipped. The fitted share is the weighted isotonic regression of the
    /// class shares (pool-adjacent-violators on integer sums, so blocks compare exactly).
    /// - Complexity: O(classes).
    static func appearancePopulation(hits: [Int], communes: [Int], classes: PopulationClasses,
                                     share: Double) -> Double? {
        // Blocks of adjacent classes with their summed hits and communes.
        var blocks: [(hits: Int, communes: Int, classes: [Int])] = []
        for k in communes.indices where communes[k] > 0 {
            blocks.append((hits[k], communes[k], [k]))
            while blocks.count >= 2 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                // a.hits / a.communes > b.hits / b.communes: pool the violators.
                guard a.hits * b.communes > b.hits * a.communes else { break }
                blocks.removeLast(2)
                blocks.append((a.hits + b.hits, a.communes + b.communes, a.classes + b.classes))
            }
        }
        var fitted: [(logCentre: Double, share: Double)] = []
        for b in blocks {
            let value = Double(b.hits) / Double(b.communes)
            for k in b.classes { fitted.append((classes.logCentre(k), value)) }
        }
        guard let j = fitted.firstIndex(where: { $0.share >= share }) else { return nil }
        guard j > 0 else { return pow(10, fitted[0].logCentre) }
        let (x0, f0) = fitted[j - 1], (x1, f1) = fitted[j]
        return pow(10, x0 + (share - f0) / (f1 - f0) * (x1 - x0))
    }
}

/// Log-spaced population classes: class k holds populations in [10^(k/c), 10^((k+1)/c)),
/// with c classes per decade; a population under 1 counts as 1.
struct PopulationClasses: Sendable {
    let classesPerDecade: Int
    /// Smallest integer population of each class (ceil of 10^(k/c)); two classes can share
    /// one when the first holds no integer (class 1 of 8 per decade: 1.33 to 1.78).
    let lowerBounds: [Int]

    init(classesPerDecade: Int, largest: Int) {
        self.classesPerDecade = classesPerDecade
        var bounds: [Int] = []
        var k = 0
        while true {
            let bound = Int(pow(10, Double(k) / Double(classesPerDecade)).rounded(.up))
            guard bound <= max(largest, 1) else { break }
            bounds.append(bound)
            k += 1
        }
        lowerBounds = bounds
    }

    var count: Int { lowerBounds.count }

    /// The class of a population: the last class whose lower bound it reaches.
    /// - Complexity: O(log classes).
    func index(of population: Int) -> Int {
        let p = max(population, 1)
        var lo = 0, hi = lowerBounds.count  // invariant: lowerBounds[lo] <= p < lowerBounds[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lowerBounds[mid] <= p { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// log10 of the geometric centre of class k.
    func logCentre(_ k: Int) -> Double { (Double(k) + 0.5) / Double(classesPerDecade) }
}

extension GammeDerivation.Parameters {
    func checkPreconditions() {
        precondition((1...100).contains(classesPerDecade), "classesPerDecade must be in 1...100")
        precondition(appearanceShare > 0 && appearanceShare <= 1, "appearanceShare must be in (0, 1]")
        precondition(poleShare > 0 && poleShare <= 1, "poleShare must be in (0, 1]")
        precondition(0 < proximiteMaxInhabitants && proximiteMaxInhabitants < intermediaireMaxInhabitants
                     && intermediaireMaxInhabitants < superieureMaxInhabitants,
                     "gamme population limits must be positive and increasing")
        let all = substitutes.flatMap { Set($0) }
        precondition(Set(all).count == all.count, "a type is in two substitute groups")
    }

    func isExcluded(_ typequ: String) -> Bool {
        excludedTypes.contains(typequ) || homeDeliveredTypes.contains(typequ)
            || typequ.first.map(excludedDomains.contains) == true
    }

    /// The gamme of a service appearing at `population` inhabitants, nil beyond the supérieure.
    func gamme(appearingAt population: Double) -> Gamme? {
        if population <= Double(proximiteMaxInhabitants) { return .proximite }
        if population <= Double(intermediaireMaxInhabitants) { return .intermediaire }
        if population <= Double(superieureMaxInhabitants) { return .superieure }
        return nil
    }

    /// The rule in two sentences with the parameter values; depends on the parameters only.
    var ruleText: String {
        let percent = Int((appearanceShare * 100).rounded())
        let groups = substitutes.filter { $0.count > 1 }.map { $0.sorted().joined(separator: "+") }.sorted()
        var text = "Gammes derived from national BPE presence (no official table): a service appears at the "
            + "population where the share of communes having it, by classes of 1/\(classesPerDecade) decade "
            + "made non-decreasing in population, first reaches \(percent) % (log-interpolated); "
            + "proximité up to \(proximiteMaxInhabitants) inhabitants, intermédiaire up to "
            + "\(intermediaireMaxInhabitants), supérieure up to \(superieureMaxInhabitants), no gamme beyond."
        var exclusions: [String] = []
        if !excludedDomains.isEmpty {
            exclusions.append("domains " + excludedDomains.sorted().map(String.init).joined(separator: ", "))
        }
        if !excludedTypes.isEmpty {
            exclusions.append("types " + excludedTypes.sorted().joined(separator: ", "))
        }
        if !homeDeliveredTypes.isEmpty {
            exclusions.append("types delivered at home " + homeDeliveredTypes.sorted().joined(separator: ", "))
        }
        var second: [String] = []
        if !exclusions.isEmpty { second.append(exclusions.joined(separator: " and ") + " are excluded") }
        if !groups.isEmpty {
            second.append(groups.joined(separator: ", ") + (polesCountEachType
                ? " each share one appearance; poles count every type of the gamme"
                : " each count as one service"))
        }
        if !second.isEmpty {
            let sentence = second.joined(separator: "; ")
            text += " " + sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
        }
        return text
    }

    func exclusionNote(_ typequ: String) -> String {
        if excludedTypes.contains(typequ) { return "excluded type: listed in excludedTypes" }
        if homeDeliveredTypes.contains(typequ) { return "excluded type: delivered at the customer's home, nobody travels to it" }
        let domain = typequ.first.map(String.init) ?? ""
        let name = Self.domainNames[domain].map { " (\($0))" } ?? ""
        return "excluded domain \(domain)\(name): outside INSEE's gammes"
    }

    func note(appearance: Double?, gamme: Gamme?, substitutes: [String], presence: Double?,
              anyCommune: Bool) -> String {
        var parts: [String] = []
        if !substitutes.isEmpty {
            parts.append((polesCountEachType ? "appears with " : "one service with ") + substitutes.joined(separator: ", "))
        }
        if let ap = appearance {
            let at = "appears at \(Int(ap.rounded())) inhabitants"
            switch gamme {
            case .proximite?: parts.append("\(at) (proximité: up to \(proximiteMaxInhabitants))")
            case .intermediaire?:
                parts.append("\(at) (intermédiaire: \(proximiteMaxInhabitants) to \(intermediaireMaxInhabitants))")
            case .superieure?:
                parts.append("\(at) (supérieure: \(intermediaireMaxInhabitants) to \(superieureMaxInhabitants))")
            case nil: parts.append("\(at), beyond \(superieureMaxInhabitants): no gamme (métropolitain level)")
            }
        } else if anyCommune {
            let percent = Int((appearanceShare * 100).rounded())
            parts.append("never in \(percent) % of the communes of a population class: no gamme")
        } else {
            parts.append("in no commune with a population: no gamme")
        }
        if let presence, let gamme {
            parts.append("in \(Int((presence * 100).rounded())) % of the \(Self.shortName(gamme)) poles")
        }
        return parts.joined(separator: "; ")
    }

    static func shortName(_ gamme: Gamme) -> String {
        switch gamme {
        case .proximite: return "proximité"
        case .intermediaire: return "intermédiaire"
        case .superieure: return "supérieure"
        }
    }

    static let domainNames: [String: String] = [
        "A": "services aux particuliers", "B": "commerces", "C": "enseignement",
        "D": "santé et action sociale", "E": "transports et déplacements",
        "F": "sports, loisirs et culture", "G": "tourisme",
    ]
}
