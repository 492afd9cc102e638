import Testing
@testable import Zonegrise
import ZonegriseOSM

/// `ZonegriseOSM` throws `OSMError`; the pipeline hands it on as
/// `ZonegriseError.roadNetwork`, which the CLI prints with the same sentence.
@Suite struct RoadNetworkErrorTests {
    @Test func roadNetworkErrorsKeepTheirSentence() {
        let inner = OSMError.corruptCache(file: "out/road_graph.zgcache")
        #expect(ZonegriseError.roadNetwork(inner).description == inner.description)
        let (error, text) = zonegriseError { _ = try ZonegriseError.wrappingRoadNetworkErrors { () throws -> Int in throw inner } }
        #expect(error == .roadNetwork(inner))
        #expect(text == "out/road_graph.zgcache: the graph cache is truncated or corrupt; delete it to rebuild.")
        // Other errors pass through unchanged.
        let other = zonegriseError { _ = try ZonegriseError.wrappingRoadNetworkErrors { () throws -> Int in throw ZonegriseError.inconsistent(detail: "x") } }
        #expect(other.error == .inconsistent(detail: "x"))
    }
}
