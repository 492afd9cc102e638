import Foundation
import Testing
@testable import Zonegrise

/// A subdivision polygon GEOS cannot build (a ring of two positions): the GEOS error
/// escaped the reader as a library error (exit 1, no feature named); it is now a user
/// error naming the file and the feature.
@Suite("Pipeline: unusable subdivision polygon")
struct SubdivisionPolygonTests {
    @Test func degenerateRingNamesTheFeature() async throws {
        let territory = try PipelineTerritory("subdivision-degenerate")
        try territory.write("cantons.geojson", PipelineTerritory.featureCollection([
            PipelineTerritory.feature(properties: "\"code\":\"9901\",\"nom\":\"Nord\"", ring: PipelineTerritory.square(0)),
            PipelineTerritory.feature(properties: "\"code\":\"9902\",\"nom\":\"Sud\"", ring: [(2.0, 47.0), (2.03, 47.0)]),
        ]))
        try territory.writeManifest(extra: "subdivisions:\n  - name: canton\n    file: cantons.geojson")
        let (error, text) = await territory.runError()
        guard case let .invalidFeature(file, feature, detail)? = error else {
            Issue.record("expected an invalid feature, got \(text)")
            return
        }
        #expect(file == territory.path("cantons.geojson"))
        #expect(feature == 2)
        #expect(detail.hasPrefix("subdivision 9902 is not a usable polygon: GEOS failed to "), "\(detail)")
        MessageCatalogueTests.expectOneSentence(text, file: file)
        expectNoOutput(territory)
    }
}
