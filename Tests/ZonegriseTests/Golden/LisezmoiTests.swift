import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// `LISEZMOI.txt`: every file of an output folder described, in French; a file written
/// without a description fails here (so that a new output brings its line).
@Suite("LISEZMOI.txt")
struct LisezmoiTests {
    /// The files other outputs add (report, maps, GeoPackage, polygons): described before
    /// their writers land.
    static let announced = ["rapport.html", "cartes/proximite.svg", "cartes/zones_grises_superieure.svg", "resultats.gpkg",
                            "secteurs.geojson", "secteurs.csv", "bandes_proximite.geojson", "bandes_intermediaire.geojson",
                            "bandes_superieure.geojson"]

    @Test func everyFileOfTheDemoRunIsListedWithItsDescription() async throws {
        let (folder, report) = try await DemoRun.run("lisezmoi")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("LISEZMOI.txt"), encoding: .utf8)
        let names = DemoRun.relative(report.outputs, to: folder)
        #expect(names.contains("LISEZMOI.txt") && names.contains("manifest.json"))
        // Every file, those of the `cartes` folder by their path (`cartes/poles.svg`).
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        #expect(onDisk.contains("cartes/poles.svg"))
        // Every file of the folder (the road graph cache too) has its own line.
        for name in onDisk {
            #expect(text.contains("\n\(name)\n"), "\(name) is not listed in LISEZMOI.txt")
        }
        #expect(LisezmoiText.undescribed(names).isEmpty, "no description for \(LisezmoiText.undescribed(names))")
        #expect(!text.contains(LisezmoiText.undescribedLine))
        #expect(text.hasPrefix("Résultats de « zonegrise analyse »\n"))
        #expect(text.contains("zonegrise \(ZonegriseVersion.current)"))
        #expect(text.contains(DemoRun.manifest))
        #expect(text.contains("tableur") && text.contains("QGIS"))
        // The manifest lists LISEZMOI.txt among the outputs.
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"LISEZMOI.txt\""))
    }

    /// The standard writers of every command, with every option that adds a file, and
    /// the files announced by other outputs: none lacks a description.
    @Test func everyStandardAndAnnouncedFileHasADescription() {
        let known = ["communes.geojson", "communes.csv", "poles.geojson", "zones_grises.csv", "zones_grises_par_subdivision.csv",
                     "gammes.csv", "comparaison.csv", "comparaison_par_subdivision.csv", "transitions.csv", "sites.csv",
                     "comparaison.geojson", "recommandation.csv", "scenario.yaml", "non_couvrables.csv", "manifest.json", "LISEZMOI.txt"]
        #expect(LisezmoiText.undescribed(known + Self.announced).isEmpty)
        #expect(OutputDescriptions.line(for: "bandes_proximite.geojson")?.contains("gamme de proximité") == true)
        #expect(OutputDescriptions.line(for: "cartes/proximite.svg")?.contains("« proximite »") == true)
    }

    @Test func aNameWithoutDescriptionIsNamedNotHidden() {
        #expect(LisezmoiText.undescribed(["zones_grises.csv", "nouveau.parquet", "cartes/a.png"]) == ["nouveau.parquet", "cartes/a.png"])
        let text = LisezmoiText(command: "analyse", manifestPath: nil, files: ["nouveau.parquet", "LISEZMOI.txt"], cacheName: nil).text
        #expect(text.contains("nouveau.parquet\n    \(LisezmoiText.undescribedLine.prefix(40))"))
    }

    /// `compare` and `recommend --cover-all` on the demo: every file they write (their
    /// writer lists, as the integrator extends them) has its description.
    @Test func everyFileOfCompareAndRecommendIsDescribed() async throws {
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        let compareFolder = try TestRepository.makeTemporaryFolder("lisezmoi-compare")
        defer { TestRepository.removeTemporaryFolder(compareFolder) }
        let compared = try await ComparisonRun(configuration: config, scenarioPaths: [TestRepository.path("examples/scenarios/demo-nouveaux-sites.yaml")],
                                               outputDirectory: compareFolder.path).execute()
        let recommendFolder = try TestRepository.makeTemporaryFolder("lisezmoi-recommend")
        defer { TestRepository.removeTemporaryFolder(recommendFolder) }
        let recommended = try await RecommendationRun(configuration: config, layer: "france_services", objective: .coverAll,
                                                      outputDirectory: recommendFolder.path).execute()
        for (folder, outputs, command) in [(compareFolder, compared.outputs, "compare"), (recommendFolder, recommended.outputs, "recommend")] {
            let names = outputs.map { String($0.dropFirst(folder.path.count + 1)) }
            #expect(names.contains("LISEZMOI.txt"))
            #expect(LisezmoiText.undescribed(names).isEmpty, "\(command): no description for \(LisezmoiText.undescribed(names))")
            let text = try String(contentsOf: folder.appendingPathComponent("LISEZMOI.txt"), encoding: .utf8)
            #expect(text.hasPrefix("Résultats de « zonegrise \(command) »\n"))
            for name in names { #expect(text.contains("\n\(name)\n"), "\(command): \(name) not listed") }
        }
        #expect(recommended.outputs.contains { $0.hasSuffix("/non_couvrables.csv") })
    }

    @Test func lisezmoiMatchesItsGoldenCopy() async throws {
        let (folder, _) = try await DemoRun.run("golden-lisezmoi")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("LISEZMOI.txt"), encoding: .utf8)
        let portable = Data(text.replacingOccurrences(of: TestRepository.root.path, with: DemoRun.rootPlaceholder).utf8)
        try DemoGoldenTests.compare("LISEZMOI.txt", actual: portable)
    }
}
