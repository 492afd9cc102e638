import Testing
import ZonegriseCore
import ZonegriseRouting
import ZonegriseTestSupport

/// Site recommendation on the road model: random street grids
/// (`RoadNetworkTimeModelTests.network`), every case checked against
/// `RecommendationOracle` (searches from scratch far past the threshold, a plain
/// greedy, the optimum over every k-subset, the origins no candidate serves). The base
/// search is kept either at the threshold's horizon or past it, so the bounded
/// searches of `adding` are checked at the tightest horizon the recommendation allows.
@Suite struct RoadSiteRecommendationTests {
    @Test(arguments: Array(1 ... 40) as [UInt64])
    func roadAgreesWithTheOracle(seed: UInt64) throws {
        let network = RoadNetworkTimeModelTests.network(seed: seed)
        let graph = RoadGraph(network.list)
        guard graph.edgeCount > 0 else { return }
        let model = RoadNetworkTimeModel(graph: graph, offRoadSpeedKmh: 15)
        var rng = SplitMix64(seed: seed &+ 1000)
        let extent = graph.coordinates.reduce(0.0) { max($0, $1.x, $1.y) }
        func places(_ count: Int, prefix: String) -> [Place] {
            (0 ..< count).map {
                Place(communeCode: "\(prefix)\($0)", point: PlanarPoint(x: .random(in: -300 ... extent + 300, using: &rng),
                                                                        y: .random(in: -300 ... extent + 300, using: &rng)))
            }
        }
        let origins = places(Int.random(in: 1 ... 25, using: &rng), prefix: "o")
        let others = places(15, prefix: "s")
        let c = try RecommendationCase.random("osm, seed \(seed)", model: model.prepare(origins: origins),
                                              places: Array(origins.prefix(5)) + others, using: &rng)
        let problems = try RecommendationOracle.problems(c)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
