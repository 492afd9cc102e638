import Foundation
import Testing
import Zonegrise
import ZonegriseCore

// The examples of docs/API.md, verbatim: `docShowsThisCode` fails when a ```swift block
// of that page is not in this file, so the page shows code that compiles and runs.

// MARK: - docs/API.md, "The domain alone"

/// The domain alone: two communes 12 km apart, crow-fly times, no file read.
func twoCommunes() async throws -> AnalysisResult {
    let bourg = Commune(code: "99001", nom: "Bourg", population: 4_000,
                        centre: PlanarPoint(x: 700_000, y: 6_600_000), areaSquareMetres: 20_000_000)
    let hameau = Commune(code: "99002", nom: "Hameau", population: 150,
                         centre: PlanarPoint(x: 712_000, y: 6_600_000), areaSquareMetres: 10_000_000)
    // One equipment type per gamme; the bourg has those of proximité and intermédiaire.
    let gammes = GammeTable(membership: ["A101": .proximite, "B101": .intermediaire, "C101": .superieure])
    let input = AnalysisInput(communes: [bourg, hameau], analysedCodes: ["99001", "99002"],
                              typesByCommune: ["99001": ["A101", "B101"]], gammes: gammes)
    return try await ZoneGriseAnalysis().run(input, timeModel: CrowflyModel())
}

// MARK: - docs/API.md, "A run, then one more site"

/// One more output: `communes_grises.txt`, the code and superposition code of every
/// commune in zone grise for at least one gamme, a line each. A writer only formats:
/// the run stages, hashes and commits its file with the others.
struct GreyCommunesList: OutputWriter {
    func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        let result = outputs.result
        let lines = result.communes.indices
            .filter { result.greyGammeCounts[$0] > 0 }
            .map { "\(result.communes[$0].code) \(result.codesEnjeux[$0])\n" }
        return [OutputFile(name: "communes_grises.txt", bytes: Array(lines.joined().utf8))]
    }
}

/// Runs the analysis of a territory manifest, then asks what one more France Services
/// site, at the centre of the most populated commune beyond the layer's threshold,
/// would change. Returns the inhabitants beyond the threshold, and those no longer
/// beyond it with the new site.
func oneMoreFranceServicesSite(manifest: String, outputFolder: String) async throws -> (beyond: Int, noLongerBeyond: Int) {
    // Load, prepare, search, classify and write, with one more output.
    let configuration = try TerritoryManifest.load(path: manifest)
    var run = AnalysisRun(configuration: configuration, outputDirectory: outputFolder)
    run.writers.append(GreyCommunesList())
    let report = try await run.execute()
    for warning in report.warnings { print("warning \(warning.kind.rawValue): \(warning.message)") }

    // The kept search of the layer, and where the analysed communes stand.
    let prepared = report.prepared
    guard let layer = report.result.layers.firstIndex(where: { $0.name == "france_services" }) else { return (0, 0) }
    let kept = report.searches.layers[layer]
    let communes = prepared.communes  // sorted by code, the order of every access array
    let before = report.result.layerAccess[layer]
    let beyond = communes.indices.filter { before[$0].isBeyond }
    guard let chosen = beyond.max(by: { communes[$0].population < communes[$1].population }) else { return (0, 0) }

    // Prepare once, query many: the new site extends the kept search (only the roads it
    // brings closer are searched), and only the communes it now serves are classified again.
    let site = Place(communeCode: communes[chosen].code, point: communes[chosen].centre)
    let extended = try prepared.search(kept, adding: [site], ids: ["nouveau-site"])
    let newSite = kept.targetIDs.count  // added targets are numbered after the kept ones
    let served = communes.indices.filter { extended.search.nearest[$0]?.target == newSite }
    var after = before
    prepared.reclassify(&after, search: extended, communes: served)

    let population = beyond.reduce(0) { $0 + communes[$1].population }
    let noLonger = beyond.filter { !after[$0].isBeyond }.reduce(0) { $0 + communes[$1].population }
    print("\(population) inhabitants beyond \(Int(kept.thresholdMinutes)) minutes of a France Services site;"
        + " with one more in \(communes[chosen].nom), \(noLonger) of them no longer are")
    return (population, noLonger)
}

// MARK: - The tests

@Suite("docs/API.md: its examples compile, run and give what the page says")
struct APIExampleTests {
    @Test func twoCommunesGiveTheCodesThePageGives() async throws {
        let result = try await twoCommunes()
        #expect(result.communes.map(\.code) == ["99001", "99002"])
        #expect(result.poleLevels == [.intermediaire, .aucun])
        // 12 km × 1.3 ÷ 50 km/h = 18.72 minutes, beyond 10, within 20; no pole of the
        // supérieure gamme at all: unreachable, hence in zone grise.
        #expect(result.access[.proximite]!.map(\.minutes) == [0, 18.72])
        #expect(result.access[.superieure]!.map(\.minutes) == [nil, nil])
        #expect(result.codesEnjeux == ["--S", "P-S"])
    }

    @Test func oneMoreSiteInTheDemoBringsInhabitantsWithinThirtyMinutes() async throws {
        let folder = try TestRepository.makeTemporaryFolder("api-example")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let (beyond, noLongerBeyond) = try await oneMoreFranceServicesSite(
            manifest: TestRepository.path("geodata/demo/demo.yaml"), outputFolder: folder.path)
        // The france_services row of the demo's zones_grises.csv (Golden/demo).
        #expect(beyond == 10_095)
        // The figure the page prints, and the same from a search from scratch over every
        // site and the new one, every commune classified (not `adding`, not `reclassify`).
        #expect(noLongerBeyond == 3_663)
        #expect(noLongerBeyond == (try await Self.noLongerBeyondFromScratch(folder)))

        // The custom writer's file, committed with the standard outputs: one line per
        // commune of communes.csv with at least one gamme in zone grise.
        // (No demo name holds a comma or a quote: a plain split reads the table.)
        let list = try String(contentsOf: folder.appendingPathComponent("communes_grises.txt"), encoding: .utf8)
        let table = try String(contentsOf: folder.appendingPathComponent("communes.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(table.first), rows = table.dropFirst()
        let count = try #require(header.firstIndex(of: "nb_gammes_grises"))
        let code = try #require(header.firstIndex(of: "code_enjeux"))
        let expected = rows.filter { $0[count] != "0" }.map { "\($0[0]) \($0[code])\n" }.joined()
        #expect(list == expected)
        #expect(!list.isEmpty)
    }

    /// The example's question answered without the incremental steps.
    static func noLongerBeyondFromScratch(_ folder: URL) async throws -> Int {
        let configuration = try TerritoryManifest.load(path: TestRepository.path("geodata/demo/demo.yaml"))
        let report = try await AnalysisRun(configuration: configuration, outputDirectory: folder.appendingPathComponent("again").path,
                                           writers: []).execute()
        let prepared = report.prepared, communes = report.prepared.communes
        let kept = report.searches.layers[0]
        let before = prepared.classify(kept)
        let chosen = try #require(communes.indices.filter { before[$0].isBeyond }.max { communes[$0].population < communes[$1].population })
        let targets = kept.search.targets + [Place(communeCode: communes[chosen].code, point: communes[chosen].centre)]
        let scratch = ServiceSearch(subject: kept.subject, thresholdMinutes: kept.thresholdMinutes, targetIDs: kept.targetIDs + ["new"],
                                    search: try prepared.model.search(to: targets, horizonMinutes: prepared.horizonMinutes))
        let after = prepared.classify(scratch)
        return communes.indices.filter { before[$0].isBeyond && !after[$0].isBeyond }.reduce(0) { $0 + communes[$1].population }
    }

    @Test func docShowsThisCode() throws {
        let page = try String(contentsOf: TestRepository.root.appendingPathComponent("docs/API.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let blocks = page.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        for block in blocks {
            // The page's import lines are at the top of this file.
            let code = block.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("import ") }.joined(separator: "\n")
                .trimmingCharacters(in: .newlines)
            let inThisFile = source.contains(code)
            #expect(inThisFile, "a ```swift block of docs/API.md is not in APIExampleTests.swift:\n\(code.prefix(300))")
        }
    }
}
