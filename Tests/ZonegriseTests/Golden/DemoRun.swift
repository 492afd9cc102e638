import Foundation
import Testing
@testable import Zonegrise

/// Runs of the demo manifest (`geodata/demo/demo.yaml`, synthetic départements 99 and 98)
/// into fresh temporary folders, and the golden copies of their outputs.
enum DemoRun {
    static let manifest = TestRepository.path("geodata/demo/demo.yaml")

    /// Every output of a demo run, in the order written.
    static let outputNames = ["communes.geojson", "communes.csv", "poles.geojson", "zones_grises.csv",
                              "zones_grises_par_subdivision.csv", "gammes.csv", "secteurs.geojson", "secteurs.csv",
                              "bandes_proximite.geojson", "bandes_intermediaire.geojson", "bandes_superieure.geojson",
                              "resultats.gpkg", "rapport.html"] + mapNames.map { "cartes/\($0).svg" } + ["LISEZMOI.txt", "manifest.json"]

    /// The maps of the demo report, in the order written.
    static let mapNames = ["bandes_proximite", "bandes_intermediaire", "bandes_superieure", "zones_grises", "secteurs", "poles",
                           "couche_france_services"]

    /// The entries at the top of an output folder holding `names` (`cartes` for its maps), sorted.
    static func topLevel(_ names: [String]) -> [String] {
        Set(names.map { String($0.split(separator: "/")[0]) }).sorted()
    }

    /// A run's output paths relative to its folder (`cartes/poles.svg`).
    static func relative(_ paths: [String], to folder: URL) -> [String] {
        paths.map { String($0.dropFirst(folder.path.count + 1)) }
    }

    /// `Tests/ZonegriseTests/Golden/demo/`.
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("demo")

    /// Set `ZONEGRISE_RECORD=1` to rewrite the golden copies from the current outputs.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["ZONEGRISE_RECORD"] == "1" }

    /// Placeholder for the repository root in the golden manifest.json.
    static let rootPlaceholder = "$REPOSITORY"

    /// Runs the demo into a new temporary folder; the caller removes it.
    /// `sensitivity`: as `analyse --sensitivite`.
    static func run(_ label: String, sensitivity: Bool = false) async throws -> (folder: URL, report: AnalysisRun.Report) {
        let folder = try TestRepository.makeTemporaryFolder(label)
        do {
            var config = try TerritoryManifest.load(path: manifest)
            config.sensitivity = sensitivity
            let report = try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
            return (folder, report)
        } catch {
            TestRepository.removeTemporaryFolder(folder)
            throw error
        }
    }

    static func bytes(_ folder: URL, _ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// manifest.json with the absolute repository path replaced by the placeholder.
    static func portableManifest(_ folder: URL) throws -> Data {
        let text = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        return Data(text.replacingOccurrences(of: TestRepository.root.path, with: rootPlaceholder).utf8)
    }
}
