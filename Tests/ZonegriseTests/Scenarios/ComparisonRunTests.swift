import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseTestSupport

/// `zonegrise compare` as a library call on copies of the demo: its numbers equal those
/// of an `analyse` run of the territory edited by hand to the scenario, and bad scenario
/// input is one sentence naming the file and the entry, with nothing written.
@Suite("Comparison runs")
struct ComparisonRunTests {
    /// A copy of the demo territory in a new temporary folder.
    static func demoCopy(_ label: String) throws -> URL {
        let copy = try TestRepository.makeTemporaryFolder(label)
        let demo = TestRepository.root.appendingPathComponent("geodata/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }

    static let scenario = """
        version: 1
        name: equivalence
        base: demo.yaml
        layers:
          france_services:
            add:
              - {commune: "99179", id: "n1"}
              - {id: "n2", longitude: 2.45, latitude: 49.30}
            remove: ["9908"]
            move:
              - {id: "9901", commune: "99112"}
            itinerant:
              - name: bus
                stops:
                  - {commune: "99135", id: "b1", days: [lundi]}

        """

    /// The demo's France Services edited as the scenario says, in the ANCT layout: the
    /// sites at a commune's centre have a commune code and no coordinates.
    static func editedSites(original: String) -> String {
        var rows = ["\"id_fs\",\"lib_fs\",\"insee_com\",\"latitude\",\"longitude\""]
        for line in original.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            let (id, commune, latitude, longitude) = (fields[0], fields[5], fields[8], fields[9])
            switch id {
            case "9908": continue
            case "9901": rows.append("\"9901\",\"moved\",\"99112\",,")
            default: rows.append("\"\(id)\",\"site\",\"\(commune)\",\(latitude),\(longitude)")
            }
        }
        rows += ["\"n1\",\"new\",\"99179\",,", "\"n2\",\"new\",,49.30,2.45", "\"b1\",\"bus\",\"99135\",,"]
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func numbersEqualAnAnalyseOfTheEditedTerritory() async throws {
        let base = try Self.demoCopy("compare-base")
        defer { TestRepository.removeTemporaryFolder(base) }
        try Data(Self.scenario.utf8).write(to: base.appendingPathComponent("scenario.yaml"))
        let config = try TerritoryManifest.load(path: base.appendingPathComponent("demo.yaml").path)
        let comparison = try await ComparisonRun(configuration: config, scenarioPaths: [base.appendingPathComponent("scenario.yaml").path],
                                                 outputDirectory: base.appendingPathComponent("out").path).execute()

        let edited = try Self.demoCopy("compare-edited")
        defer { TestRepository.removeTemporaryFolder(edited) }
        let sites = edited.appendingPathComponent("france-services.csv")
        try Data(Self.editedSites(original: try String(contentsOf: sites, encoding: .utf8)).utf8).write(to: sites)
        let analysed = try await AnalysisRun(configuration: try TerritoryManifest.load(path: edited.appendingPathComponent("demo.yaml").path),
                                             outputDirectory: edited.appendingPathComponent("out").path).execute()

        let outcome = try #require(comparison.outcomes.first)
        #expect(outcome.result.summaries == analysed.result.summaries)
        #expect(outcome.result.subdivisionSummaries == analysed.result.subdivisionSummaries)
        #expect(outcome.result.layerAccess[0].map(\.minutes) == analysed.result.layerAccess[0].map(\.minutes))
        #expect(outcome.result.layerAccess[0].map(\.isBeyond) == analysed.result.layerAccess[0].map(\.isBeyond))
        #expect(comparison.base.summaries != outcome.result.summaries, "the scenario changes something")

        // The files agree with the results: comparaison.csv's "after" is the edited run's zones_grises.csv.
        let table = try String(contentsOf: base.appendingPathComponent("out/comparaison.csv"), encoding: .utf8)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("equivalence,france_services,") }).split(separator: ",")
        let after = try #require(analysed.result.summaries.last)
        #expect(row[6] == Substring(String(after.communes)) && row[7] == Substring(String(after.population)), "\(row)")
        let manifest = try String(contentsOf: base.appendingPathComponent("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"role\": \"scenario:equivalence\""))
        #expect(comparison.outputs.filter { !$0.contains("/cartes/") }.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["comparaison.csv", "comparaison_par_subdivision.csv", "transitions.csv", "sites.csv", "comparaison.geojson", "resultats.gpkg", "rapport.html", "LISEZMOI.txt", "manifest.json"])
        #expect(comparison.outputs.contains { $0.hasSuffix("/cartes/equivalence_france_services_gain.svg") })
    }

    /// One bad entry per case: exit-2 material, naming the scenario file and line, and
    /// nothing in the output folder (not even the road graph cache).
    @Test(arguments: [
        ("layers:\n  france_services:\n    remove: [\"9999\"]\n", "layers.france_services.remove: layer france_services has no site \"9999\""),
        ("layers:\n  france_services:\n    add:\n      - {commune: \"12345\"}\n", "commune 12345 is not in the territory's communes"),
        ("layers:\n  france_services:\n    add:\n      - {longitude: 6.0, latitude: 45.0}\n", "is outside the territory's communes"),
        ("layers:\n  maternites:\n    add:\n      - {commune: \"99179\"}\n", "layers.maternites: no service layer of that name in the manifest (layers: france_services)"),
        ("layers:\n  france_services:\n    move:\n      - {id: \"0000\", commune: \"99179\"}\n", "layers.france_services.move.id: layer france_services has no site \"0000\""),
        ("poles:\n  add:\n    - {commune: \"99007\", gammes: [metropolitaine]}\n", "\"metropolitaine\" is not one of proximite, intermediaire, superieure"),
        ("layers:\n  france_services:\n    file: france-services.csv\n    remove: [\"9901\"]\n",
         "layers.france_services.remove: a layer file replaces every site of the layer; remove and move do not apply with it"),
        ("layers:\n  france_services:\n    add:\n      - {commune: \"99179\", id: \"9901\"}\n", "site id \"9901\" is already a site of layer france_services"),
        // Used to trap (Int(1e300) in the sentence); refused where it is read.
        ("layers:\n  france_services:\n    add:\n      - {x: 1e300, y: 6800000}\n",
         "layers.france_services.add: (1e+300, 6800000) is outside Lambert-93 x from -1,000,000 to 2,500,000 and y from 5,000,000 to 8,200,000 metres"),
    ] as [(String, String)])
    func badScenarioEntriesNameTheFileAndWriteNothing(body: String, message: String) async throws {
        let base = try Self.demoCopy("compare-bad")
        defer { TestRepository.removeTemporaryFolder(base) }
        let path = base.appendingPathComponent("bad.yaml").path
        try Data("version: 1\nname: bad\nbase: demo.yaml\n\(body)".utf8).write(to: URL(fileURLWithPath: path))
        let out = base.appendingPathComponent("out")
        let config = try TerritoryManifest.load(path: base.appendingPathComponent("demo.yaml").path)
        let (error, text) = await asyncZonegriseError {
            _ = try await ComparisonRun(configuration: config, scenarioPaths: [path], outputDirectory: out.path).execute()
        }
        #expect(error != nil, "\(text)")
        #expect(text.hasPrefix(path + ":"), "\(text)")
        #expect(text.contains(message), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "the failed comparison wrote \(TestRepository.entries(of: out))")
    }

    @Test func aScenarioOfAnotherBaseIsRefused() async throws {
        let base = try Self.demoCopy("compare-other-base")
        defer { TestRepository.removeTemporaryFolder(base) }
        let path = base.appendingPathComponent("other.yaml").path
        try Data("version: 1\nname: other\nbase: ../elsewhere/manifest.yaml\n".utf8).write(to: URL(fileURLWithPath: path))
        let config = try TerritoryManifest.load(path: base.appendingPathComponent("demo.yaml").path)
        let (_, text) = await asyncZonegriseError {
            _ = try await ComparisonRun(configuration: config, scenarioPaths: [path], outputDirectory: base.appendingPathComponent("out").path).execute()
        }
        #expect(text.hasPrefix(path + ":3: base: the scenario applies to "), "\(text)")
        #expect(text.contains("not to the manifest given, \(base.appendingPathComponent("demo.yaml").path)"), "\(text)")
    }
}
