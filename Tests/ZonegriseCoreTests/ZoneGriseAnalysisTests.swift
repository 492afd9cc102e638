import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

@Suite struct PoleClassifierTests {
    let table = GammeTable(membership: ["P1": .proximite, "P2": .proximite, "I1": .intermediaire, "I2": .intermediaire,
                                        "S1": .superieure, "S2": .superieure, "S3": .superieure])

    @Test func halfOfTheTypesMakesAPole() {
        let classifier = PoleClassifier(share: 0.5, hierarchy: true)
        #expect(classifier.ownPoleGammes(typesPresent: ["P1"], table: table) == [.proximite])
        #expect(classifier.ownPoleGammes(typesPresent: ["S1"], table: table) == [])
        #expect(classifier.ownPoleGammes(typesPresent: ["S1", "S2", "I1"], table: table) == [.intermediaire, .superieure])
        #expect(classifier.level(typesPresent: ["S1", "S2"], table: table) == .superieure)
        #expect(classifier.level(typesPresent: ["X9"], table: table) == .aucun)
    }

    @Test func hierarchyDecidesWhetherHigherPolesServeLowerGammes() {
        let own: Set<Gamme> = [.superieure]
        #expect(PoleClassifier(hierarchy: true).counts(own, asPoleOf: .proximite))
        #expect(!PoleClassifier(hierarchy: false).counts(own, asPoleOf: .proximite))
        #expect(!PoleClassifier(hierarchy: true).counts([.proximite], asPoleOf: .superieure))
    }
}

@Suite struct BandAndThresholdTests {
    @Test func bandsAndLabels() {
        let bands = BandScheme(limitsMinutes: [10, 20, 30])
        #expect(bands.labels == ["0-10", "10-20", "20-30", "30+"])
        #expect(bands.band(of: 0) == 0)
        #expect(bands.band(of: 10) == 0)
        #expect(bands.band(of: 10.01) == 1)
        #expect(bands.band(of: 45) == 3)
        #expect(bands.band(of: nil) == 3)
        #expect(BandScheme(limitsMinutes: [7.5]).labels == ["0-7.5", "7.5+"])
    }

    @Test func strictAndInclusiveComparison() {
        #expect(!ThresholdComparison.strict.isBeyond(10, threshold: 10))
        #expect(ThresholdComparison.inclusive.isBeyond(10, threshold: 10))
        #expect(ThresholdComparison.strict.isBeyond(nil, threshold: 10))
    }
}

@Suite struct ZoneGriseAnalysisTests {
    /// A line of communes 6 km apart along x: a town at 0 with every type, a bourg at
    /// 30 km with the proximité types, and villages between and beyond; one outside
    /// the analysis area (a pole of the neighbour) at 60 km. Crow-fly 60 km/h, no
    /// detour: one minute per kilometre.
    func lineTerritory() -> AnalysisInput {
        func commune(_ i: Int, population: Int) -> Commune {
            Commune(code: String(format: "990%02d", i), nom: "C\(i)", population: population,
                    centre: PlanarPoint(x: Double(i) * 6000, y: 0), areaSquareMetres: 1e7)
        }
        var communes = (0 ... 9).map { commune($0, population: 100 * ($0 + 1)) }
        communes.append(Commune(code: "98010", nom: "Voisine", population: 5000,
                                centre: PlanarPoint(x: 60_000, y: 0), areaSquareMetres: 1e7))
        let table = GammeTable(membership: ["P1": .proximite, "P2": .proximite, "I1": .intermediaire, "S1": .superieure])
        let types: [String: Set<String>] = ["99000": ["P1", "P2", "I1", "S1"], "99005": ["P1"], "98010": ["I1"]]
        let layer = ServiceLayer(name: "fs", label: "FS", thresholdMinutes: 30,
                                 sites: [ServiceSite(id: "site-1", name: "FS 1", communeCode: "99009", point: PlanarPoint(x: 54_000, y: 0))])
        let scheme = SubdivisionScheme(name: "arr", subdivisionOfCommune: Dictionary(uniqueKeysWithValues: (0 ... 9).map {
            (String(format: "990%02d", $0), $0 < 5 ? "A" : "B") }), names: ["A": "Ouest", "B": "Est"])
        return AnalysisInput(communes: communes.reversed(), analysedCodes: Set((0 ... 9).map { String(format: "990%02d", $0) }),
                             typesByCommune: types, gammes: table, serviceLayers: [layer], subdivisions: [scheme])
    }

    @Test func classifiesEveryCommuneAgainstThePoles() async throws {
        let analysis = ZoneGriseAnalysis()
        let result = try await analysis.run(lineTerritory(), timeModel: CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false))
        #expect(result.communes.map(\.code) == (0 ... 9).map { String(format: "990%02d", $0) })
        #expect(result.poleLevels[0] == .superieure && result.poleLevels[5] == .proximite && result.poleLevels[1] == .aucun)
        // Proximité: poles 99000 and 99005; commune 3 (18 km) is 12 minutes from 99005.
        let prox = result.access[.proximite]!
        #expect(prox[3] == Access(minutes: 12, target: "99005", band: 1, isBeyond: true))
        #expect(prox[4] == Access(minutes: 6, target: "99005", band: 0, isBeyond: false))
        // The neighbour's intermédiaire pole also serves proximité (hierarchy).
        #expect(prox[9] == Access(minutes: 6, target: "98010", band: 0, isBeyond: false))
        // Intermédiaire: 99000 (hierarchy) and the neighbour's 98010 at 60 km.
        let inter = result.access[.intermediaire]!
        #expect(inter[9] == Access(minutes: 6, target: "98010", band: 0, isBeyond: false))
        // A tie (30 minutes either way) goes to the lower code.
        #expect(inter[5] == Access(minutes: 30, target: "98010", band: 2, isBeyond: true))
        // Supérieure: only 99000; commune 5 is exactly 30 minutes: not beyond (strict).
        let sup = result.access[.superieure]!
        #expect(sup[5].minutes == 30 && !sup[5].isBeyond && sup[6].isBeyond)
        #expect(result.codesEnjeux[6] == "-IS" && result.greyGammeCounts[6] == 2)
        #expect(result.codesEnjeux[3] == "P--" && result.greyGammeCounts[3] == 1)
        #expect(result.codesEnjeux[0] == "---" && result.greyGammeCounts[0] == 0)
        // Layer: one site at 54 km; commune 0 is 54 minutes away.
        #expect(result.layerAccess[0][0] == Access(minutes: 54, target: "site-1", band: 3, isBeyond: true))
        #expect(result.layerAccess[0][4] == Access(minutes: 30, target: "site-1", band: 2, isBeyond: false))
    }

    @Test func aggregatesMatchABruteForceCount() async throws {
        let input = lineTerritory()
        let result = try await ZoneGriseAnalysis().run(input, timeModel: CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false))
        let total = result.communes.reduce(0) { $0 + $1.population }
        for (index, gamme) in Gamme.allCases.enumerated() {
            let row = result.summaries[index]
            let grey = result.communes.indices.filter { result.access[gamme]![$0].isBeyond }
            #expect(row.name == gamme.rawValue)
            #expect(row.communes == grey.count)
            #expect(row.population == grey.reduce(0) { $0 + result.communes[$1].population })
            #expect(row.totalPopulation == total)
        }
        #expect(result.summaries.last?.name == "fs")
        // Two subdivisions × (3 gammes + 1 layer), and their sums equal the whole.
        #expect(result.subdivisionSummaries.count == 8)
        for name in result.summaries.map(\.name) {
            let parts = result.subdivisionSummaries.filter { $0.summary.name == name }
            let whole = result.summaries.first { $0.name == name }!
            #expect(parts.reduce(0) { $0 + $1.summary.population } == whole.population)
        }
        #expect(result.subdivisionSummaries.first?.nom == "Ouest")
    }

    /// Commune 5 is exactly 30 minutes from the only pôle supérieur (99000) and commune 4
    /// exactly 30 minutes from the site: beyond the threshold under `inclusive` only.
    @Test func aTimeEqualToTheThresholdIsGreyOnlyWhenInclusive() async throws {
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        var inclusive = AnalysisParameters()
        inclusive.comparison = .inclusive
        let strictResult = try await ZoneGriseAnalysis().run(lineTerritory(), timeModel: model)
        let inclusiveResult = try await ZoneGriseAnalysis(parameters: inclusive).run(lineTerritory(), timeModel: model)
        #expect(AnalysisParameters().comparison == .strict, "strict is the default")
        for result in [strictResult, inclusiveResult] {
            #expect(result.access[.superieure]![5].minutes == 30 && result.access[.superieure]![5].target == "99000")
            #expect(result.layerAccess[0][4].minutes == 30)
        }
        #expect(!strictResult.access[.superieure]![5].isBeyond && inclusiveResult.access[.superieure]![5].isBeyond)
        #expect(!strictResult.layerAccess[0][4].isBeyond && inclusiveResult.layerAccess[0][4].isBeyond)
        // Below the threshold (commune 4, 24 minutes) both agree; above (commune 6) too.
        #expect(!strictResult.access[.superieure]![4].isBeyond && !inclusiveResult.access[.superieure]![4].isBeyond)
        #expect(strictResult.access[.superieure]![6].isBeyond && inclusiveResult.access[.superieure]![6].isBeyond)
        // The summaries count commune 5 (600 inhabitants) only under inclusive.
        let strictRow = strictResult.summaries[2], inclusiveRow = inclusiveResult.summaries[2]
        #expect(strictRow.name == "superieure" && inclusiveRow.communes == strictRow.communes + 1)
        #expect(inclusiveRow.population == strictRow.population + 600)
        #expect(strictResult.codesEnjeux[5] == "-I-" && inclusiveResult.codesEnjeux[5] == "-IS")
    }

    /// docs/OUTPUTS.md: times are rounded to 0.01 minute once and classification uses the
    /// rounded value. 29.996 minutes rounds to 30.00 (beyond under inclusive, although the
    /// raw time is below), 30.004 to 30.00 (not beyond under strict, although the raw time
    /// is above), 30.006 to 30.01 (beyond under both).
    @Test func classificationUsesTheTimeRoundedToHundredths() async throws {
        // One minute per kilometre: a commune x metres from the pole is x / 1000 minutes.
        let offsets: [(code: String, metres: Double)] = [("99001", 29_996), ("99002", 30_004), ("99003", 30_006), ("99004", 29_994)]
        var communes = [Commune(code: "99000", nom: "Pole", population: 1000, centre: PlanarPoint(x: 0, y: 0), areaSquareMetres: 1e6)]
        communes += offsets.map { Commune(code: $0.code, nom: $0.code, population: 10, centre: PlanarPoint(x: $0.metres, y: 0), areaSquareMetres: 1e6) }
        let input = AnalysisInput(communes: communes, analysedCodes: Set(communes.map(\.code)),
                                  typesByCommune: ["99000": ["S1"]], gammes: GammeTable(membership: ["S1": .superieure]),
                                  serviceLayers: [], subdivisions: [])
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        var inclusive = AnalysisParameters()
        inclusive.comparison = .inclusive
        let strict = try await ZoneGriseAnalysis().run(input, timeModel: model).access[.superieure]!
        let incl = try await ZoneGriseAnalysis(parameters: inclusive).run(input, timeModel: model).access[.superieure]!
        #expect(strict.map(\.minutes) == [0, 30, 30, 30.01, 29.99])
        #expect(strict.map(\.isBeyond) == [false, false, false, true, false])
        #expect(incl.map(\.isBeyond) == [false, true, true, true, false])
        #expect(ZoneGriseAnalysis.roundedMinutes(29.996) == 30 && ZoneGriseAnalysis.roundedMinutes(30.004) == 30)
        #expect(ZoneGriseAnalysis.roundedMinutes(30.006) == 30.01 && ZoneGriseAnalysis.roundedMinutes(29.994) == 29.99)
    }

    @Test func inclusiveComparisonAndNoPoleAtAll() async throws {
        var input = lineTerritory()
        input.typesByCommune = [:]
        var parameters = AnalysisParameters()
        parameters.comparison = .inclusive
        let result = try await ZoneGriseAnalysis(parameters: parameters).run(input, timeModel: CrowflyModel())
        // No pole anywhere: no time, last band, in zone grise everywhere.
        #expect(result.access[.proximite]!.allSatisfy { $0.minutes == nil && $0.band == 3 && $0.isBeyond && $0.target == nil })
        #expect(result.poles.isEmpty)
    }
}

/// Oracle: the batch pole classification (types looked up in a service index) equals
/// the commune-by-commune one (every service checked), on random tables with substitute
/// groups and random communes.
@Suite struct PoleClassifierOracleTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func batchEqualsOneByOne(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let types = (0 ..< Int.random(in: 1 ... 40, using: &rng)).map { String(format: "T%03d", $0) }
        var membership: [String: Gamme] = [:]
        var serviceOfType: [String: String] = [:]
        for type in types {
            membership[type] = Gamme.allCases.randomElement(using: &rng)!
            if Int.random(in: 0 ..< 4, using: &rng) == 0 { serviceOfType[type] = "S\(Int.random(in: 0 ..< 5, using: &rng))" }
        }
        let table = GammeTable(membership: membership, serviceOfType: serviceOfType)
        let classifier = PoleClassifier(share: [0.3, 0.5, 0.8, 1].randomElement(using: &rng)!, hierarchy: Bool.random(using: &rng))
        let communes: [Set<String>] = (0 ..< 200).map { _ in
            Set((0 ..< Int.random(in: 0 ... 30, using: &rng)).map { _ in
                Int.random(in: 0 ..< 10, using: &rng) == 0 ? "X999" : types.randomElement(using: &rng)!
            })
        }
        let batch = classifier.ownPoleGammes(typesByCommune: communes, table: table)
        for (i, present) in communes.enumerated() {
            #expect(batch[i] == classifier.ownPoleGammes(typesPresent: present, table: table), "seed \(seed), commune \(i)")
        }
    }
}
