import Foundation
import Testing
import Zonegrise

/// `FilePaths.absolute`: the one rule for the manifest's paths and the command line's.
@Suite("FilePaths")
struct FilePathsTests {
    @Test(arguments: [
        ("communes.geojson", "/srv/62/communes.geojson"),
        ("./data/bpe.csv", "/srv/62/data/bpe.csv"),
        ("../shared/bpe.csv", "/srv/shared/bpe.csv"),
        ("data//x.csv", "/srv/62/data/x.csv"),
        ("out/", "/srv/62/out"),
        ("", "/srv/62"),
        // Absolute paths are kept as given, even unnormalised.
        ("/data/x.csv", "/data/x.csv"),
        ("/data/../x.csv", "/data/../x.csv"),
    ])
    func relativeToAFolder(path: String, expected: String) {
        #expect(FilePaths.absolute(path, relativeTo: "/srv/62") == expected)
    }

    @Test func relativeToTheCurrentDirectory() {
        let current = FileManager.default.currentDirectoryPath
        #expect(FilePaths.absolute("x.csv") == FilePaths.absolute("x.csv", relativeTo: current))
        #expect(FilePaths.absolute("/abs/x.csv") == "/abs/x.csv")
    }

    /// The manifest resolves its paths against its own folder with the same rule.
    @Test func manifestPathsFollowTheRule() throws {
        let config = try TerritoryManifest.parse("""
        analysis_area: ["62"]
        communes: ../geo/communes.geojson
        populations: ./populations.csv
        equipment: /data/bpe.csv
        """, path: "/srv/62/manifest.yaml")
        #expect(config.communes.files == [FilePaths.absolute("../geo/communes.geojson", relativeTo: "/srv/62")])
        #expect(config.communes.files == ["/srv/geo/communes.geojson"])
        #expect(config.populations.path == "/srv/62/populations.csv")
        #expect(config.equipment.path == "/data/bpe.csv")
    }
}
