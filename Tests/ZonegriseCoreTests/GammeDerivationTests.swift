import Foundation
import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

// MARK: - Synthetic cases whose answer is known by construction

/// 500 communes from 10 to 1,000,000 inhabitants, evenly spread in log10(population).
private let ladder: [String: Int] = {
    var result: [String: Int] = [:]
    for i in 0..<500 {
        let population = Int(pow(10, 1 + 5 * Double(i) / 499).rounded())
        result[code(i)] = population
    }
    return result
}()

private func code(_ i: Int) -> String {
    let digits = String(i)
    return "9" + String(repeating: "0", count: 4 - digits.count) + digits
}

/// Types placed on the ladder: `rule(index, population)` says whether commune `index` has it.
private func placing(_ rules: [String: (Int, Int) -> Bool]) -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for i in 0..<500 {
        let population = ladder[code(i)]!
        let types = rules.keys.filter { rules[$0]!(i, population) }
        if !types.isEmpty { result[code(i)] = Set(types) }
    }
    return result
}

private func line(_ table: GammeTable, _ typequ: String) -> GammeDerivationReport.DerivedType? {
    table.derivation?.types.first { $0.typequ == typequ }
}

@Suite("GammeDerivation: synthetic")
struct GammeDerivationSyntheticTests {
    @Test("a type in every commune is proximité, one in the biggest only is supérieure")
    func gammesByConstruction() throws {
        let table = GammeDerivation().derive(populations: ladder, typesByCommune: placing([
            "A901": { _, _ in true },
            "B902": { _, p in p >= 4_000 },
            "C903": { _, p in p >= 20_000 },
            "D904": { _, p in p >= 300_000 },
            "F905": { i, _ in i % 3 == 0 },  // a third of every class: never half
        ]))
        #expect(table.membership == ["A901": .proximite, "B902": .intermediaire, "C903": .superieure])
        #expect(line(table, "A901")?.communesWithType == 500)
        let intermediate = try #require(line(table, "B902")?.appearancePopulation)
        #expect((3_000...5_400).contains(intermediate), "appears near its 4000 step: \(intermediate)")
        let superior = try #require(line(table, "C903")?.appearancePopulation)
        #expect((15_000...27_000).contains(superior), "appears near its 20000 step: \(superior)")
        #expect(line(table, "D904")?.gamme == nil)
        #expect(line(table, "D904")?.note.contains("métropolitain") == true)
        #expect(line(table, "F905")?.appearancePopulation == nil)
        #expect(line(table, "F905")?.note.contains("never in 50 %") == true)
        // Every commune has A901, so every proximité pole has it.
        #expect(line(table, "A901")?.presenceAmongPoles == 1)
    }

    @Test("excluded domains and types get no gamme, with the reason")
    func exclusions() {
        let everywhere: (Int, Int) -> Bool = { _, _ in true }
        let table = GammeDerivation().derive(populations: ladder, typesByCommune: placing([
            "E101": everywhere, "G102": everywhere, "F105": everywhere, "D201": everywhere, "A404": everywhere,
        ]))
        #expect(table.membership == ["D201": .proximite])
        #expect(line(table, "A404")?.note == "excluded type: delivered at the customer's home, nobody travels to it")
        for t in ["E101", "G102", "F105", "A404"] {
            let l = line(table, t)
            #expect(l?.gamme == nil && l?.appearancePopulation == nil && l?.communesWithType == 500)
            #expect(l?.note.hasPrefix("excluded") == true, "\(t): \(l?.note ?? "no line")")
        }
        var parameters = GammeDerivation.Parameters()
        parameters.excludedDomains = []
        parameters.excludedTypes = []
        parameters.homeDeliveredTypes = []
        let all = GammeDerivation(parameters: parameters).derive(populations: ladder, typesByCommune: placing([
            "E101": everywhere, "F105": everywhere, "A404": everywhere,
        ]))
        #expect(all.membership == ["E101": .proximite, "F105": .proximite, "A404": .proximite])
    }

    @Test("substitutes count as one service and share its gamme")
    func substitutes() {
        // Bureau de poste, relais poste, agence postale each in a third of the communes:
        // alone none reaches half of a class, together every commune has one.
        let table = GammeDerivation().derive(populations: ladder, typesByCommune: placing([
            "A206": { i, _ in i % 3 == 0 }, "A207": { i, _ in i % 3 == 1 }, "A208": { i, _ in i % 3 == 2 },
            "B203": { _, _ in true },
        ]))
        #expect(table.membership == ["A206": .proximite, "A207": .proximite, "A208": .proximite, "B203": .proximite])
        #expect(line(table, "A207")?.substitutes == ["A206", "A208"])
        #expect(line(table, "A206")?.communesWithType == 167)
        #expect(table.types(of: .proximite).count == 4)
        #expect(table.substituteGroups(of: .proximite) == [["A206", "A207", "A208"], ["B203"]])
        // Poles count each type by default (INSEE's rule); substitutes once when asked.
        #expect(table.services(of: .proximite) == [["A206"], ["A207"], ["A208"], ["B203"]])
        #expect(line(table, "A207")?.note.hasPrefix("appears with A206, A208") == true)
        var once = GammeDerivation.Parameters()
        once.polesCountEachType = false
        let grouped = GammeDerivation(parameters: once).derive(populations: ladder, typesByCommune: placing([
            "A206": { i, _ in i % 3 == 0 }, "A207": { i, _ in i % 3 == 1 }, "A208": { i, _ in i % 3 == 2 },
            "B203": { _, _ in true },
        ]))
        #expect(grouped.services(of: .proximite) == [["A206", "A207", "A208"], ["B203"]])
        #expect(line(grouped, "A207")?.note.hasPrefix("one service with A206, A208") == true)

        var parameters = GammeDerivation.Parameters()
        parameters.substitutes = []
        let apart = GammeDerivation(parameters: parameters).derive(populations: ladder, typesByCommune: placing([
            "A206": { i, _ in i % 3 == 0 }, "A207": { i, _ in i % 3 == 1 },
        ]))
        #expect(apart.membership.isEmpty)
    }

    @Test("communes without population are ignored and counted")
    func communesWithoutPopulation() throws {
        var types = placing(["B203": { _, _ in true }])
        types["97601"] = ["B203", "C999"]
        let table = GammeDerivation().derive(populations: ladder, typesByCommune: types)
        let report = try #require(table.derivation)
        #expect(report.communesCounted == 500 && report.communesIgnored == 1)
        #expect(report.note.contains("1 communes with equipment but no population ignored"))
        #expect(line(table, "B203")?.communesWithType == 500)
        #expect(line(table, "C999")?.communesWithType == 0)
        #expect(line(table, "C999")?.note == "in no commune with a population: no gamme")
    }

    @Test("the rule states its parameters")
    func ruleText() throws {
        var parameters = GammeDerivation.Parameters()
        parameters.proximiteMaxInhabitants = 2_000
        let rule = try #require(GammeDerivation(parameters: parameters)
            .derive(populations: ladder, typesByCommune: [:]).derivation?.rule)
        #expect(rule.contains("proximité up to 2000 inhabitants, intermédiaire up to 8300, supérieure up to 50000"))
        #expect(rule.contains("1/8 decade") && rule.contains("50 %"))
        #expect(rule.contains("Domains E, G and types D305, F105, F118, F201, F202, F203 and types delivered at home A401, A402, A403, A404, A405, A406 are excluded"))
        #expect(rule.contains("A206+A207+A208") && rule.contains("poles count every type of the gamme"))
    }

    @Test("population classes: 1/8 decade, integer lower bounds")
    func classes() {
        let classes = PopulationClasses(classesPerDecade: 8, largest: 1_000)
        #expect(classes.lowerBounds == [1, 2, 2, 3, 4, 5, 6, 8, 10, 14, 18, 24, 32, 43, 57, 75, 100,
                                        134, 178, 238, 317, 422, 563, 750, 1_000])
        #expect(classes.index(of: 0) == 0 && classes.index(of: 1) == 0)
        #expect(classes.index(of: 2) == 2)  // 10^(2/8) = 1.78 <= 2 < 10^(3/8) = 2.37
        #expect(classes.index(of: 999) == 23 && classes.index(of: 1_000) == 24)
    }
}

// MARK: - Determinism

@Suite("GammeDerivation: determinism")
struct GammeDerivationDeterminismTests {
    @Test("the same data built in another order gives the same table")
    func orderIndependent() {
        var rng = SplitMix64(seed: 7)
        let data = RandomNation(rng: &rng)
        let forward = GammeDerivation().derive(populations: data.populations, typesByCommune: data.types)
        var populations: [String: Int] = [:]
        var types: [String: Set<String>] = [:]
        for (k, v) in data.populations.sorted(by: { $0.key > $1.key }) { populations[k] = v }
        for (k, v) in data.types.sorted(by: { $0.key > $1.key }) { types[k] = Set(v.sorted().reversed()) }
        let backward = GammeDerivation().derive(populations: populations, typesByCommune: types)
        #expect(forward == backward)
        #expect(forward.derivation?.types.map(\.typequ) == forward.derivation?.types.map(\.typequ).sorted())
    }
}

// MARK: - Oracle

/// Random communes (log-uniform populations, a few empty) and types whose presence rises
/// with population around a random midpoint, with noise; some substitutes and excluded types.
struct RandomNation {
    var populations: [String: Int] = [:]
    var types: [String: Set<String>] = [:]
    static let pool = ["A101", "A104", "A206", "A207", "A208", "A401", "A501", "B101", "B102", "B203",
                       "C201", "C301", "D201", "D301", "D305", "E101", "F101", "F303", "G102"]

    init(rng: inout SplitMix64) {
        let communes = Int.random(in: 40...400, using: &rng)
        let slopes = Self.pool.map { _ in Double.random(in: 0.5...6, using: &rng) }
        let midpoints = Self.pool.map { _ in Double.random(in: 0...5.5, using: &rng) }
        let noise = Double.random(in: 0...0.4, using: &rng)
        for i in 0..<communes {
            let code = String(format: "%05d", i * 7 + 1)
            let population = Int.random(in: 0..<20, using: &rng) == 0
                ? Int.random(in: 0...2, using: &rng)
                : Int(pow(10, Double.random(in: 0...5.7, using: &rng)))
            populations[code] = population
            var present: Set<String> = []
            for (t, typequ) in Self.pool.enumerated() {
                let x = log10(Double(max(population, 1)))
                var probability = 1 / (1 + exp(-slopes[t] * (x - midpoints[t])))
                probability = (1 - noise) * probability + noise * Double.random(in: 0...1, using: &rng)
                if Double.random(in: 0...1, using: &rng) < probability { present.insert(typequ) }
            }
            if !present.isEmpty { types[code] = present }
        }
        // A commune with equipment but no population.
        types["99999"] = ["B203"]
    }
}

/// The appearance population computed another way: classes by floor(c·log10 p), the
/// isotonic fit by its min–max formula (f_k = max over i <= k of min over j >= k of the
/// pooled share of classes i...j), in exact rational comparisons.
private func oracleAppearance(presence: [Bool], populations: [Int], parameters: GammeDerivation.Parameters) -> Double? {
    let c = Double(parameters.classesPerDecade)
    var byClass: [Int: (hits: Int, communes: Int)] = [:]
    for (has, population) in zip(presence, populations) {
        let k = Int((c * log10(Double(max(population, 1))) + 1e-9).rounded(.down))
        byClass[k, default: (0, 0)].communes += 1
        if has { byClass[k, default: (0, 0)].hits += 1 }
    }
    let ks = byClass.keys.sorted()
    let h = ks.map { byClass[$0]!.hits }, n = ks.map { byClass[$0]!.communes }
    func less(_ a: (Int, Int), _ b: (Int, Int)) -> Bool { a.0 * b.1 < b.0 * a.1 }
    var sumH = [0], sumN = [0]  // prefix sums
    for k in ks.indices { sumH.append(sumH[k] + h[k]); sumN.append(sumN[k] + n[k]) }
    var fitted: [Double] = []
    for k in ks.indices {
        var best: (Int, Int)?
        for i in 0...k {
            var worst: (Int, Int)?
            for j in k..<ks.count {
                let pooled = (sumH[j + 1] - sumH[i], sumN[j + 1] - sumN[i])
                if worst == nil || less(pooled, worst!) { worst = pooled }
            }
            if best == nil || less(best!, worst!) { best = worst }
        }
        fitted.append(Double(best!.0) / Double(best!.1))
    }
    guard let j = fitted.firstIndex(where: { $0 >= parameters.appearanceShare }) else { return nil }
    let centre = { (k: Int) in (Double(ks[k]) + 0.5) / c }
    if j == 0 { return pow(10, centre(0)) }
    let f0 = fitted[j - 1], f1 = fitted[j]
    return pow(10, centre(j - 1) + (parameters.appearanceShare - f0) / (f1 - f0) * (centre(j) - centre(j - 1)))
}

@Suite("GammeDerivation: oracle")
struct GammeDerivationOracleTests {
    @Test("appearance population, gamme, counts and co-presence match a brute-force computation",
          arguments: 0..<60)
    func matchesOracle(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let data = RandomNation(rng: &rng)
        var parameters = GammeDerivation.Parameters()
        parameters.classesPerDecade = [3, 5, 8, 8][seed % 4]
        parameters.appearanceShare = [0.5, 0.5, 0.4, 0.6][seed % 4]
        parameters.proximiteMaxInhabitants = 300
        parameters.intermediaireMaxInhabitants = 3_000
        parameters.superieureMaxInhabitants = 30_000
        parameters.polesCountEachType = seed % 2 == 0
        let table = GammeDerivation(parameters: parameters)
            .derive(populations: data.populations, typesByCommune: data.types)
        let report = try #require(table.derivation)

        let codes = data.populations.keys.sorted()
        let populations = codes.map { data.populations[$0]! }
        let groups = [["A101", "A104"], ["A206", "A207", "A208"]]
        var oracleGamme: [String: Gamme] = [:]
        var serviceOf: [String: [String]] = [:]
        for typequ in Set(data.types.values.joined()).sorted() {
            let l = try #require(report.types.first { $0.typequ == typequ }, "seed \(seed): no line for \(typequ)")
            let own = codes.filter { data.types[$0]?.contains(typequ) == true }.count
            #expect(l.communesWithType == own, "seed \(seed) \(typequ)")
            if ["A401", "D305", "E101", "G102"].contains(typequ) {
                #expect(l.gamme == nil && l.appearancePopulation == nil, "seed \(seed) \(typequ)")
                continue
            }
            let group = groups.first { $0.contains(typequ) } ?? [typequ]
            let service = group.filter { t in data.types.values.contains { $0.contains(t) } }
            serviceOf[typequ] = service
            let presence = codes.map { code in service.contains { data.types[code]?.contains($0) == true } }
            let expected = oracleAppearance(presence: presence, populations: populations, parameters: parameters)
            #expect(l.appearancePopulation == expected.map { Int($0.rounded()) },
                    "seed \(seed) \(typequ): \(String(describing: l.appearancePopulation)) vs \(expected ?? -1)")
            let gamme: Gamme? = expected.flatMap { ap in
                ap <= 300 ? .proximite : ap <= 3_000 ? .intermediaire : ap <= 30_000 ? .superieure : nil
            }
            #expect(l.gamme == gamme, "seed \(seed) \(typequ)")
            #expect(table.membership[typequ] == gamme, "seed \(seed) \(typequ)")
            if let gamme { oracleGamme[typequ] = gamme }
        }

        // Co-presence: share of the gamme's poles (>= half of its services, or of its types
        // when poles count each type) that have the service.
        for gamme in Gamme.allCases {
            let services = parameters.polesCountEachType
                ? Set(oracleGamme.filter { $0.value == gamme }.keys.map { [$0] })
                : Set(oracleGamme.filter { $0.value == gamme }.keys.map { serviceOf[$0]! })
            guard !services.isEmpty else { continue }
            let poles = codes.filter { code in
                let have = services.filter { s in s.contains { data.types[code]?.contains($0) == true } }.count
                return Double(have) >= 0.5 * Double(services.count)
            }
            for (typequ, g) in oracleGamme where g == gamme {
                let l = report.types.first { $0.typequ == typequ }!
                let with = poles.filter { code in
                    serviceOf[typequ]!.contains { data.types[code]?.contains($0) == true }
                }
                let expected: Double? = poles.isEmpty ? nil : Double(with.count) / Double(poles.count)
                #expect(l.presenceAmongPoles == expected, "seed \(seed) \(typequ)")
            }
        }
        #expect(report.communesIgnored == 1 && report.communesCounted == codes.count)
    }
}

// MARK: - Real data: BPE 2019, populations 2021

@Suite("GammeDerivation: BPE 2019")
struct GammeDerivationRealDataTests {
    @Test("gamme sizes and INSEE sentinels on national BPE 2019",
          .requires("../shared/geodata (insee-bpe, insee-populations-2021) or ZONEGRISE_GEODATA", { GeoDataFixture.hasGammeInputs }))
    func bpe2019() throws {
        let populations = try GeoDataFixture.populations()
        let types = try GeoDataFixture.bpeTypesByCommune()
        let table = GammeDerivation().derive(populations: populations, typesByCommune: types)
        let report = try #require(table.derivation)
        #expect(report.types.count == 187, "BPE 2019 has 187 types")
        #expect(report.communesCounted == populations.count)
        #expect(report.communesIgnored < 100, "vintages differ (COG 2019 vs 2024, Mayotte): \(report.communesIgnored)")

        // Target sizes (METHOD.md §1), counted as INSEE counts its "équipements": substitutes
        // (poste, police-gendarmerie, épicerie-supérette, écoles with RPI) once.
        let sizes = Gamme.allCases.map { table.substituteGroups(of: $0).count }
        let typeCounts = Gamme.allCases.map { table.types(of: $0).count }
        #expect((25...30).contains(sizes[0]), "proximité: \(sizes[0]) services, \(typeCounts[0]) types")
        #expect((30...50).contains(sizes[1]), "intermédiaire: \(sizes[1]) services, \(typeCounts[1]) types")
        #expect((45...60).contains(sizes[2]), "supérieure: \(sizes[2]) services, \(typeCounts[2]) types")

        // Where INSEE's published gammes put them (BPE 2018–2022 codes).
        let sentinels: [String: Gamme?] = [
            "D201": .proximite,      // médecin omnipraticien
            "B203": .proximite,      // boulangerie
            "D301": .proximite,      // pharmacie
            "C104": .proximite,      // école élémentaire
            "D232": .proximite,      // infirmier
            "A501": .proximite,      // coiffure
            "A206": .proximite,      // bureau de poste
            "B202": .proximite,      // épicerie
            "C201": .intermediaire,  // collège
            "D302": .intermediaire,  // laboratoire d'analyses médicales
            "F101": .intermediaire,  // bassin de natation
            "A203": .proximite,      // banque
            "A104": .intermediaire,  // gendarmerie (with police)
            "C301": .superieure,     // lycée d'enseignement général et/ou technologique
            "D106": .superieure,     // urgences
            "D107": .superieure,     // maternité
            "B101": .superieure,     // hypermarché
            "F303": .superieure,     // cinéma
            "E101": nil,             // taxi: domain E excluded
            "G102": nil,             // hôtel: domain G excluded
            "A105": nil,             // cour d'appel: too rare
            "C501": nil,             // UFR (université): too rare
        ]
        // Where this rule differs from INSEE's published lists (docs/GAMMES.md "Comparison"),
        // pinned so that a change shows: the building trades are left out (delivered at
        // home); supermarché and école de conduite appear below the first cut (2,649 and
        // 2,367 inhabitants), so they are proximité here, intermédiaire in INSEE's lists.
        let disagreements: [String: Gamme?] = [
            "A401": nil, "A404": nil, "A405": nil,  // maçon, plombier, électricien
            "B102": .proximite,                     // supermarché
            "A304": .proximite,                     // école de conduite
        ]
        for (typequ, gamme) in (sentinels.merging(disagreements) { a, _ in a }).sorted(by: { $0.key < $1.key }) {
            let l = report.types.first { $0.typequ == typequ }
            #expect(l?.gamme == gamme, "\(typequ): \(l?.note ?? "absent")")
        }
        // Co-presence: each gamme's poles have most of its services.
        // The weakest is the école maternelle (C101+C102), in 47 % of the proximité poles.
        for l in report.types where l.gamme == .proximite || l.gamme == .intermediaire {
            #expect((l.presenceAmongPoles ?? 0) >= 0.45, "\(l.typequ): \(l.note)")
        }
    }
}
