import Testing
@testable import ZonegriseCore

/// A scenario evaluated on the prepared analysis equals an analysis of the territory
/// edited by hand to the scenario; the site gains follow their definitions.
@Suite struct ScenarioEvaluationTests {
    var model: any TravelTimeModel = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
    let input = ZoneGriseAnalysisTests().lineTerritory()

    /// The same territory timed by a matrix: whole minutes, one per kilometre, plus one
    /// minute between distinct communes, every pair listed.
    static func matrixModel(_ input: AnalysisInput) -> MatrixModel {
        var table: [String: [String: Double]] = [:]
        for a in input.communes {
            for b in input.communes where a.code != b.code {
                table[a.code, default: [:]][b.code] = (a.centre.distance(to: b.centre) / 1000).rounded() + 1
            }
        }
        return MatrixModel(minutesByPair: table, source: "m.csv")
    }

    /// The layer changes again, on the matrix model.
    @Test func layerChangesEqualAnEditedTerritoryWithAMatrix() async throws {
        var tests = ScenarioEvaluationTests()
        tests.model = Self.matrixModel(input)
        try await tests.layerChangesEqualAnEditedTerritory()
        try await tests.poleChangesEqualAnEditedTerritory()
    }

    func site(_ id: String, at i: Int) -> ServiceSite {
        ServiceSite(id: id, name: id, communeCode: String(format: "990%02d", i), point: PlanarPoint(x: Double(i) * 6000, y: 0))
    }

    func expectSame(_ outcome: ScenarioOutcome, _ edited: AnalysisInput, _ context: String) async throws {
        let expected = try await ZoneGriseAnalysis().run(edited, timeModel: model)
        #expect(outcome.result.summaries == expected.summaries, "\(context)")
        #expect(outcome.result.subdivisionSummaries == expected.subdivisionSummaries, "\(context)")
        #expect(outcome.result.codesEnjeux == expected.codesEnjeux, "\(context)")
        for gamme in Gamme.allCases {
            #expect(outcome.result.access[gamme]!.map(\.minutes) == expected.access[gamme]!.map(\.minutes), "\(context) \(gamme)")
        }
        #expect(outcome.result.layerAccess[0].map(\.minutes) == expected.layerAccess[0].map(\.minutes), "\(context)")
        #expect(outcome.result.layerAccess[0].map(\.isBeyond) == expected.layerAccess[0].map(\.isBeyond), "\(context)")
    }

    @Test func layerChangesEqualAnEditedTerritory() async throws {
        let prepared = try ZoneGriseAnalysis().prepare(input, timeModel: model)
        let base = try await prepared.searchAll()
        let cases: [(String, LayerChanges, [ServiceSite])] = [
            ("add", LayerChanges(added: [site("new", at: 1)]), [site("site-1", at: 9), site("new", at: 1)]),
            ("remove", LayerChanges(removed: ["site-1"]), []),
            ("move", LayerChanges(moved: [site("site-1", at: 4)]), [site("site-1", at: 4)]),
            ("itinerant", LayerChanges(itinerant: [ItinerantService(name: "bus", stops: [ItinerantStop(site: site("bus-1", at: 0), days: ["lundi"])])]),
             [site("site-1", at: 9), site("bus-1", at: 0)]),
            ("all", LayerChanges(added: [site("new", at: 2)], removed: [], moved: [site("site-1", at: 7)]),
             [site("site-1", at: 7), site("new", at: 2)]),
        ]
        for (name, changes, sites) in cases {
            let outcome = try prepared.evaluate(Scenario(name: name, layers: ["fs": changes]), base: base)
            var edited = input
            edited.serviceLayers[0].sites = sites
            try await expectSame(outcome, edited, name)
        }
    }

    @Test func poleChangesEqualAnEditedTerritory() async throws {
        let prepared = try ZoneGriseAnalysis().prepare(input, timeModel: model)
        let base = try await prepared.searchAll()
        // 99009 gets the proximité types: a pole of proximité (and of nothing else).
        let added = try prepared.evaluate(Scenario(name: "p", poles: PoleChanges(added: ["99009": [.proximite]])), base: base)
        var edited = input
        edited.typesByCommune["99009"] = ["P1", "P2"]
        try await expectSame(added, edited, "pole added")
        // 99005 loses its proximité pole.
        let removed = try prepared.evaluate(Scenario(name: "q", poles: PoleChanges(removed: ["99005": [.proximite]])), base: base)
        edited = input
        edited.typesByCommune["99005"] = []
        try await expectSame(removed, edited, "pole removed")
    }

    /// Gains: the layer's site at 54 km leaves communes 0–3 (at 54, 48, 42, 36 min)
    /// beyond 30 minutes: 100 + 200 + 300 + 400 inhabitants. A site at commune 1 alone
    /// brings all four within; a second one at commune 0 brings nobody the first does not.
    @Test func siteGainsFollowTheirDefinitions() async throws {
        let prepared = try ZoneGriseAnalysis().prepare(input, timeModel: model)
        let base = try await prepared.searchAll()
        #expect(prepared.populationBeyond(base.layers[0]) == 1000)
        let scenario = Scenario(name: "two", layers: ["fs": LayerChanges(added: [site("a", at: 1), site("b", at: 0)])])
        let outcome = try prepared.evaluate(scenario, base: base)
        #expect(outcome.siteGains.map(\.site.id) == ["a", "b"])
        #expect(outcome.siteGains.map(\.alonePopulation) == [1000, 1000])
        #expect(outcome.siteGains.map(\.marginalPopulation) == [0, 0])
        let one = try prepared.evaluate(Scenario(name: "one", layers: ["fs": LayerChanges(added: [site("a", at: 2)])]), base: base)
        // At commune 2 (12 km): communes 0–3 are at 12, 6, 0, 6 min.
        #expect(one.siteGains.first?.marginalPopulation == 1000)
    }

    @Test func communesServedOnlyByAnItinerantStopAreNamed() async throws {
        let prepared = try ZoneGriseAnalysis().prepare(input, timeModel: model)
        let base = try await prepared.searchAll()
        let bus = ItinerantService(name: "bus", stops: [ItinerantStop(site: site("bus-1", at: 0))])
        let outcome = try prepared.evaluate(Scenario(name: "bus", layers: ["fs": LayerChanges(itinerant: [bus])]), base: base)
        // The stop at 0 km serves communes 0–3 (beyond 30 min of the fixed site).
        #expect(outcome.itinerantOnly[0] == (0 ... 9).map { $0 <= 3 })
        #expect(outcome.siteGains.map(\.kind) == [.itinerant])
    }
}
