import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// The demo run with `--sensitivite` (the osm model: time factors from the kept road
/// searches, pole shares by bounded `adding` for 0.4 and new searches for 0.6) against
/// golden copies `Golden/demo/sensitivite_*`, and what those copies must say.
///
/// Re-record with `ZONEGRISE_RECORD=1 swift test --filter DemoSensitivityGoldenTests`.
@Suite("Golden files: demo territory with sensitivity")
struct DemoSensitivityGoldenTests {
    static let files = ["communes.csv", "zones_grises.csv", "LISEZMOI.txt", "cartes/zones_grises.svg"]

    @Test func outputsMatchTheirGoldenCopies() async throws {
        let (folder, _) = try await DemoRun.run("golden-sensitivite", sensitivity: true)
        defer { TestRepository.removeTemporaryFolder(folder) }
        for name in Self.files {
            // Paths of the repository as a placeholder: the copies hold for any checkout.
            let text = String(decoding: try DemoRun.bytes(folder, name), as: UTF8.self)
                .replacingOccurrences(of: TestRepository.root.path, with: DemoRun.rootPlaceholder)
            try DemoGoldenTests.compare("sensitivite_" + name.replacingOccurrences(of: "/", with: "_"), actual: Data(text.utf8))
        }
        try DemoGoldenTests.compare("sensitivite_manifest.json", actual: try DemoRun.portableManifest(folder))
    }

    /// A plain run writes none of it: the plain goldens keep their bytes.
    @Test func aPlainRunHasNoSensitivityColumns() async throws {
        let (folder, report) = try await DemoRun.run("plain-no-sensitivite")
        defer { TestRepository.removeTemporaryFolder(folder) }
        #expect(report.sensitivity == nil)
        let communes = try String(contentsOf: folder.appendingPathComponent("communes.csv"), encoding: .utf8)
        #expect(!communes.contains("_robuste"))
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!manifest.contains("\"sensitivity\""))
        let map = try String(contentsOf: folder.appendingPathComponent("cartes/zones_grises.svg"), encoding: .utf8)
        #expect(!map.contains("hachure"))
    }

    /// The golden copies themselves hold a coherent picture: each flag agrees with the
    /// base status, and each range holds the base figure.
    @Test func goldenCopiesAreCoherent() throws {
        let csv = try String(contentsOf: DemoGoldenTests.golden("sensitivite_communes.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(lines.count == 301)
        var fragile = 0
        for gamme in Gamme.allCases {
            let status = try #require(header.firstIndex(of: "zone_grise_" + gamme.rawValue))
            #expect(header[status + 1] == "zone_grise_\(gamme.rawValue)_robuste", "the flag follows its status column")
            for row in lines.dropFirst() {
                let flag = try #require(Robustness(rawValue: row[status + 1]), "\(row[0]): \(row[status + 1])")
                if flag == .oui { #expect(row[status] == "true", "\(row[0]) \(gamme): oui but not grey") }
                if flag == .non { #expect(row[status] == "false", "\(row[0]) \(gamme): non but grey") }
                if flag == .fragile { fragile += 1 }
            }
        }
        #expect(fragile > 0, "the demo has fragile communes")
        let summary = try String(contentsOf: DemoGoldenTests.golden("sensitivite_zones_grises.csv"), encoding: .utf8).split(separator: "\n")
        #expect(summary[0] == "gamme,seuil_minutes,communes,population,part_population_pct,communes_min,communes_max,population_min,population_max,part_population_pct_min,part_population_pct_max,source_gammes")
        for row in summary.dropFirst().map({ $0.split(separator: ",").map(String.init) }) {
            for (value, low, high) in [(2, 5, 6), (3, 7, 8), (4, 9, 10)] {
                let (v, l, h) = (Double(row[value])!, Double(row[low])!, Double(row[high])!)
                #expect(l <= v && v <= h, "\(row[0]): \(v) not in \(l)…\(h)")
            }
        }
        // The base figures are those of the plain run: sensitivity only adds columns.
        let plain = try String(contentsOf: DemoGoldenTests.golden("zones_grises.csv"), encoding: .utf8).split(separator: "\n")
        for (a, b) in zip(plain.dropFirst(), summary.dropFirst()) {
            #expect(a.split(separator: ",").prefix(5) == b.split(separator: ",").prefix(5))
        }
    }

    /// The zone-grise map hatches exactly the communes fragile for some gamme, and says so in its legend.
    @Test func theGreyMapHatchesTheFragileCommunes() async throws {
        let (folder, report) = try await DemoRun.run("sensitivite-map", sensitivity: true)
        defer { TestRepository.removeTemporaryFolder(folder) }
        let sensitivity = try #require(report.sensitivity)
        let expected = report.result.communes.indices.filter(sensitivity.isFragile).map { report.result.communes[$0].code }
        let map = try String(contentsOf: folder.appendingPathComponent("cartes/zones_grises.svg"), encoding: .utf8)
        let hatched = map.components(separatedBy: "<path data-fragile=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(hatched == expected)
        #expect(map.contains("<pattern id=\"hachure-zones_grises\""))
        #expect(map.contains("zone grise fragile ("))
    }
}
