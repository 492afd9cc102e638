import Testing
import ZonegriseCore
import ZonegriseTestSupport

/// Properties of the analysis on seeded random small territories (issue 8): adding a
/// pole or a site never increases a time, removing one never decreases it, crow-fly
/// times are symmetric, and classification is monotone in the threshold. Each failure
/// names its seed: rerun with that seed to reproduce.
@Suite struct AnalysisPropertyTests {
    static let seeds: [UInt64] = (1 ... 40).map { 0xA11A_0000 + $0 }
    static let table = GammeTable(membership: ["P1": .proximite, "P2": .proximite, "I1": .intermediaire, "I2": .intermediaire,
                                               "S1": .superieure, "S2": .superieure])

    struct Territory {
        var input: AnalysisInput
        var matrix: MatrixModel
    }

    /// 6–24 communes in a 40 km square (two départements), random populations and types,
    /// one service layer with 0–4 sites; a matrix of every pair (random detours, not
    /// symmetric) for the matrix model.
    static func territory(seed: UInt64) -> Territory {
        var rng = SplitMix64(seed: seed)
        let count = Int.random(in: 6 ... 24, using: &rng)
        var communes: [Commune] = []
        var types: [String: Set<String>] = [:]
        let allTypes = table.membership.keys.sorted()
        for i in 0 ..< count {
            let code = (i % 3 == 0 ? "98" : "99") + String(100 + i)
            communes.append(Commune(code: code, nom: "C\(i)", population: Int.random(in: 0 ... 5000, using: &rng),
                                    centre: PlanarPoint(x: .random(in: 0 ... 40_000, using: &rng), y: .random(in: 0 ... 40_000, using: &rng)),
                                    areaSquareMetres: .random(in: 1e6 ... 5e7, using: &rng)))
            if Int.random(in: 0 ..< 3, using: &rng) == 0 {
                types[code] = Set(allTypes.filter { _ in Bool.random(using: &rng) })
            }
        }
        let sites = (0 ..< Int.random(in: 0 ... 4, using: &rng)).map { s in
            let at = communes[Int.random(in: 0 ..< count, using: &rng)]
            return ServiceSite(id: "s\(s)", name: "Site \(s)", communeCode: at.code, point: at.centre)
        }
        let layer = ServiceLayer(name: "fs", label: "FS", thresholdMinutes: .random(in: 5 ... 30, using: &rng), sites: sites)
        var pairs: [String: [String: Double]] = [:]
        for a in communes {
            for b in communes {
                pairs[a.code, default: [:]][b.code] = a.code == b.code ? 0 : a.centre.distance(to: b.centre) / 1000 * .random(in: 1.1 ... 2, using: &rng)
            }
        }
        let input = AnalysisInput(communes: communes, analysedCodes: Set(communes.filter { $0.code.hasPrefix("99") }.map(\.code)),
                                  typesByCommune: types, gammes: table, serviceLayers: [layer], subdivisions: [])
        return Territory(input: input, matrix: MatrixModel(minutesByPair: pairs, source: "random", missing: .unreachable))
    }

    static func models(_ territory: Territory) -> [(String, any TravelTimeModel)] {
        [("crowfly", CrowflyModel(speedKmh: 50, detour: 1.3, intraCommune: false)),
         ("crowfly-intra", CrowflyModel(speedKmh: 63, detour: 1.3, intraCommune: true)),
         ("matrix", territory.matrix)]
    }

    static func run(_ input: AnalysisInput, _ model: any TravelTimeModel, thresholds: [Gamme: Double]? = nil,
                    comparison: ThresholdComparison = .strict) throws -> AnalysisResult {
        var parameters = AnalysisParameters()
        if let thresholds { parameters.thresholdMinutes = thresholds }
        parameters.comparison = comparison
        return try ZoneGriseAnalysis(parameters: parameters).runSequentially(input, timeModel: model)
    }

    /// Every commune's times, gamme by gamme then the layer: nil (unreachable) as infinity.
    static func times(_ result: AnalysisResult) -> [[Double]] {
        Gamme.allCases.map { result.access[$0]!.map { $0.minutes ?? .infinity } } + result.layerAccess.map { $0.map { $0.minutes ?? .infinity } }
    }

    /// `after` ≤ `before` (or ≥ when `increasing`), commune by commune.
    static func expectEachTime(_ after: [[Double]], _ before: [[Double]], notAbove: Bool, _ what: String) {
        for (row, (a, b)) in zip(after, before).enumerated() {
            for (i, (x, y)) in zip(a, b).enumerated() where notAbove ? x > y : x < y {
                Issue.record("\(what): time \(row) of commune \(i) went from \(y) to \(x)")
            }
        }
    }

    @Test(arguments: seeds)
    func addingAPoleOrASiteNeverIncreasesATime(seed: UInt64) throws {
        let territory = Self.territory(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0xADD)
        for (name, model) in Self.models(territory) {
            let before = Self.times(try Self.run(territory.input, model))
            var input = territory.input
            let commune = input.communes[Int.random(in: 0 ..< input.communes.count, using: &rng)]
            // Every type of a random gamme (and the lower ones' with the hierarchy) makes it a pole.
            let gamme = Gamme.allCases[Int.random(in: 0 ..< 3, using: &rng)]
            input.typesByCommune[commune.code, default: []].formUnion(Self.table.membership.filter { $0.value == gamme }.keys)
            input.serviceLayers[0].sites.append(ServiceSite(id: "new", name: "Nouveau", communeCode: commune.code, point: commune.centre))
            let after = Self.times(try Self.run(input, model))
            Self.expectEachTime(after, before, notAbove: true, "seed \(seed), \(name), pole \(gamme) and site added in \(commune.code)")
        }
    }

    @Test(arguments: seeds)
    func removingAPoleOrASiteNeverDecreasesATime(seed: UInt64) throws {
        let territory = Self.territory(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0xDE1)
        for (name, model) in Self.models(territory) {
            let before = Self.times(try Self.run(territory.input, model))
            var input = territory.input
            let equipped = input.typesByCommune.keys.sorted()
            guard !equipped.isEmpty || !input.serviceLayers[0].sites.isEmpty else { continue }
            if !equipped.isEmpty {
                // Removing a commune's types removes whatever poles it was.
                input.typesByCommune[equipped[Int.random(in: 0 ..< equipped.count, using: &rng)]] = nil
            }
            if !input.serviceLayers[0].sites.isEmpty {
                input.serviceLayers[0].sites.remove(at: Int.random(in: 0 ..< input.serviceLayers[0].sites.count, using: &rng))
            }
            let after = Self.times(try Self.run(input, model))
            Self.expectEachTime(after, before, notAbove: false, "seed \(seed), \(name), a pole and a site removed")
        }
    }

    /// Crow fly: the time from a to b is exactly the time from b to a; with the
    /// intra-commune term on, once each origin's own term is taken off (to rounding).
    @Test(arguments: seeds)
    func crowflyTimesAreSymmetric(seed: UInt64) {
        let communes = Self.territory(seed: seed).input.communes
        let places = communes.map { Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres) }
        for model in [CrowflyModel(speedKmh: 50, detour: 1.3, intraCommune: false), CrowflyModel(speedKmh: 63, detour: 1.3, intraCommune: true)] {
            for a in places {
                for b in places {
                    let ab = model.minutes(from: a, to: b) - model.intraCommuneMinutes(areaSquareMetres: a.communeAreaSquareMetres)
                    let ba = model.minutes(from: b, to: a) - model.intraCommuneMinutes(areaSquareMetres: b.communeAreaSquareMetres)
                    #expect(model.intraCommune ? abs(ab - ba) <= 1e-12 * max(1, ab) : ab == ba, "seed \(seed), intra \(model.intraCommune): \(a.communeCode) → \(b.communeCode) \(ab), back \(ba)")
                }
                // The nearest-target search agrees with the pairwise times both ways.
                let nearest = model.nearest(from: [a], to: places, horizonMinutes: .infinity)[0]
                let best = places.map { model.minutes(from: a, to: $0) }.min()!
                #expect(nearest.map { abs($0.minutes - best) <= 1e-9 } == true, "seed \(seed): nearest from \(a.communeCode)")
            }
        }
    }

    /// A commune grey (or beyond a layer's threshold) at threshold t is grey at every
    /// smaller threshold, and a strict comparison's grey communes are grey inclusively.
    @Test(arguments: seeds)
    func classificationIsMonotoneInTheThreshold(seed: UInt64) throws {
        let territory = Self.territory(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x7E5)
        for (name, model) in Self.models(territory) {
            let limits = (0 ..< 4).map { _ in Double.random(in: 0 ... 40, using: &rng) }.sorted(by: >) + [0]
            var previous: AnalysisResult?
            for t in limits {
                var input = territory.input
                input.serviceLayers[0].thresholdMinutes = max(t, 0.5)
                let thresholds = Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, t) })
                let strict = try Self.run(input, model, thresholds: thresholds)
                let inclusive = try Self.run(input, model, thresholds: thresholds, comparison: .inclusive)
                for gamme in Gamme.allCases {
                    for (i, (s, inc)) in zip(strict.access[gamme]!, inclusive.access[gamme]!).enumerated() where s.isBeyond && !inc.isBeyond {
                        Issue.record("seed \(seed), \(name), \(gamme) at \(t): commune \(i) grey strictly but not inclusively")
                    }
                    if let previous {
                        for (i, (higher, lower)) in zip(previous.access[gamme]!, strict.access[gamme]!).enumerated() where higher.isBeyond && !lower.isBeyond {
                            Issue.record("seed \(seed), \(name), \(gamme): commune \(i) grey at a higher threshold, not at \(t)")
                        }
                    }
                }
                if let previous {
                    for (i, (higher, lower)) in zip(previous.layerAccess[0], strict.layerAccess[0]).enumerated() where higher.isBeyond && !lower.isBeyond {
                        Issue.record("seed \(seed), \(name), layer: commune \(i) beyond a higher threshold, not at \(max(t, 0.5))")
                    }
                }
                previous = strict
            }
        }
    }
}
