import Testing
@testable import Zonegrise

/// `sensitivity:` in the manifest (the `analyse --sensitivite` flag's key).
@Suite("TerritoryManifest: sensitivity")
struct SensitivityManifestTests {
    @Test func offByDefaultOnWhenAsked() throws {
        #expect(try TerritoryManifest.parse(TerritoryManifestErrorTests.manifest(""), path: TerritoryManifestErrorTests.path).sensitivity == false)
        let on = try TerritoryManifest.parse(TerritoryManifestErrorTests.manifest("sensitivity: true"), path: TerritoryManifestErrorTests.path)
        #expect(on.sensitivity)
    }

    @Test func aValueNotTrueOrFalseNamesTheLine() {
        let (error, _) = TerritoryManifestErrorTests.parseError(TerritoryManifestErrorTests.manifest("sensitivity: peut-être"))
        #expect(error == .invalidParameter(source: TerritoryManifestErrorTests.path + ":5", key: "sensitivity", detail: "\"peut-être\" is not true or false"))
    }
}
