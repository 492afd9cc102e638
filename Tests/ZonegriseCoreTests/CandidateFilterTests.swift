import Testing
@testable import ZonegriseCore

@Suite struct CandidateFilterTests {
    func commune(_ code: String, population: Int, km2: Double = 10, x: Double = 0) -> Commune {
        Commune(code: code, nom: code, population: population, centre: PlanarPoint(x: x, y: 0), areaSquareMetres: km2 * 1e6)
    }

    /// The 2017 rule: under 2,000 inhabitants; pôles supérieurs under 10,000; rural
    /// (here: at most 100 inhabitants per km²) pôles intermédiaires under 3,000.
    @Test func theDepartementRuleOf2017() {
        let filter = CandidateFilter(anyOf: [
            .init(populationMax: 1999),
            .init(populationMax: 9999, poleLevels: [.superieure]),
            .init(populationMax: 2999, poleLevels: [.intermediaire], densityMaxPerSquareKm: 100),
        ])
        let communes = [commune("a", population: 1500), commune("b", population: 8000), commune("c", population: 8000),
                        commune("d", population: 2500, km2: 30), commune("e", population: 2500, km2: 10), commune("f", population: 2500)]
        let levels: [PoleLevel] = [.aucun, .superieure, .intermediaire, .intermediaire, .intermediaire, .aucun]
        #expect(filter.candidates(communes, levels: levels, existingSites: []).map(\.code) == ["a", "b", "d"])
    }

    @Test func exclusionsListsAndDistanceToSites() {
        let communes = (0 ..< 6).map { commune("c\($0)", population: 100, x: Double($0) * 1000) }
        let levels = Array(repeating: PoleLevel.aucun, count: 6)
        let site = ServiceSite(id: "s", name: "s", communeCode: "c0", point: PlanarPoint(x: 0, y: 0))
        let filter = CandidateFilter(anyOf: [.init(communes: ["c1", "c2", "c3", "c4"])], excluded: ["c4"], minimumDistanceMetres: 2000)
        #expect(filter.candidates(communes, levels: levels, existingSites: [site]).map(\.code) == ["c2", "c3"])
        #expect(CandidateFilter().candidates(communes, levels: levels, existingSites: [site]).count == 6)
    }
}
