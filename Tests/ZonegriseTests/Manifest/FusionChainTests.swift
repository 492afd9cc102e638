import Testing
@testable import Zonegrise

/// Fusions that chain resolve to the last commune; a cycle is named as a cycle (it used
/// to be reported as a missing commune, issue 8).
@Suite struct FusionChainTests {
    static func manifest(_ fusions: String) -> String {
        """
        version: 1
        analysis_area: ["62"]
        communes:
          files: [c.geojson]
          fusions: {\(fusions)}
        populations: p.csv
        equipment: b.csv
        """
    }

    @Test func chainsResolveToTheLastCommune() throws {
        let config = try TerritoryManifest.parse(Self.manifest("\"62210\": \"62154\", \"62154\": \"62001\""), path: "/t/m.yaml")
        #expect(config.communes.fusions == ["62210": "62001", "62154": "62001"])
    }

    @Test func aCycleIsNamed() {
        let (error, text) = zonegriseError { _ = try TerritoryManifest.parse(Self.manifest("\"62210\": \"62154\", \"62154\": \"62210\""), path: "/t/m.yaml") }
        #expect(error == .invalidParameter(source: "/t/m.yaml:5", key: "communes.fusions", detail: "the fusions form a cycle: 62154 → 62210 → 62154"), "\(text)")
    }

    @Test func aCommuneMergingIntoItselfIsRefused() {
        let (_, text) = zonegriseError { _ = try TerritoryManifest.parse(Self.manifest("\"62210\": \"62210\""), path: "/t/m.yaml") }
        #expect(text.contains("commune 62210 merges into itself"), "\(text)")
    }
}
