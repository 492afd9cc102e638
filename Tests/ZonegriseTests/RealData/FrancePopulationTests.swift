import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// `examples/france.yaml` on the real open data: no inhabitant is lost between the 2021
/// populations and the 2018 geometry, once the COG 2024 (`communes.cog_file`) and the
/// declared fusions have merged the communes that no longer exist.
///
/// Loads the territory only (no travel times), with a one-row equipment file and a
/// three-row gamme table instead of the national BPE (1 M rows, and the derivation of
/// gammes from it), which have nothing to do with populations: about 6 s in debug.
@Suite("Real data: France populations",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
struct FrancePopulationTests {
    static let territory = Task<Result<LoadedTerritory, ZonegriseError>, Never> {
        let folder: URL
        do { folder = try TestRepository.makeTemporaryFolder("france-populations") } catch {
            return .failure(.inconsistent(detail: "cannot make a temporary folder: \(error)"))
        }
        defer { TestRepository.removeTemporaryFolder(folder) }
        do {
            var config = try TerritoryManifest.load(path: TestRepository.path("examples/france.yaml"))
            let equipment = folder.appendingPathComponent("bpe.csv"), gammes = folder.appendingPathComponent("gammes.csv")
            try Data("DEPCOM,TYPEQU,NB_EQUIP\n62041,B203,1\n".utf8).write(to: equipment)
            try Data("typequ,gamme\nB203,proximite\nC201,intermediaire\nC301,superieure\n".utf8).write(to: gammes)
            config.equipment = InputFile(path: equipment.path)
            config.gammes = InputFile(path: gammes.path)
            config.serviceLayers = []
            var timings = StageTimings()
            return .success(try await TerritoryLoader(configuration: config).load(timings: &timings))
        } catch let error as ZonegriseError {
            return .failure(error)
        } catch {
            return .failure(.inconsistent(detail: "\(error)"))
        }
    }

    static func loaded() async throws -> (territory: LoadedTerritory, counts: [String: Int]) {
        switch await territory.value {
        case let .success(territory):
            return (territory, Dictionary(territory.counts, uniquingKeysWith: { first, _ in first }))
        case let .failure(error):
            Issue.record("loading France failed: \(error.description)")
            throw error
        }
    }

    /// The analysed population is the population file's total for the 96 départements,
    /// exactly (Paris, Lyon and Marseille counted once, not with their arrondissements).
    @Test func analysedPopulationEqualsThePopulationFileTotal() async throws {
        let (territory, counts) = try await Self.loaded()
        let analysed = territory.input.communes.filter { territory.input.analysedCodes.contains($0.code) }.reduce(0) { $0 + $1.population }
        #expect(counts["population_file_loaded_departements"] == 65_505_213)
        #expect(counts["population_file_analysis_area"] == 65_505_213)
        #expect(counts["population_matched_loaded_departements"] == 65_505_213)
        #expect(analysed == 65_505_213)
        // An independent sum of the file: every row of a metropolitan commune, the
        // arrondissements of Paris, Lyon and Marseille left out (their commune has a row).
        let text = try String(contentsOfFile: TestRepository.sharedGeodata.appendingPathComponent("insee-populations-2021/donnees_communes.csv").path,
                              encoding: .utf8)
        var fileTotal = 0
        for line in text.split(whereSeparator: { $0.isNewline }).dropFirst() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            // The département from the code: the added rows of Paris, Lyon and Marseille have no DEP.
            let code = String(fields[6])
            guard !code.hasPrefix("97"), CommuneCodes.plmParent(of: code) == nil else { continue }
            fileTotal += Int(fields[8])!
        }
        #expect(fileTotal == analysed)
    }

    /// The COG merges the communes déléguées; what it cannot give is declared, so that
    /// only the five communes whose absorbing commune is unknown keep 0 inhabitants.
    @Test func communesDelegueesAreMergedAndFewRemainAtZero() async throws {
        let (territory, counts) = try await Self.loaded()
        #expect(counts["communes_merged_by_cog"] == 358)
        #expect(counts["communes_without_population"] == 5)
        let byCode = Dictionary(uniqueKeysWithValues: territory.input.communes.map { ($0.code, $0) })
        // 01039 Béon is a commune déléguée of 01138 (COG 2024, COMPARENT).
        #expect(byCode["01039"] == nil && byCode["01138"] != nil)
        // 14666 Sannerville (restored after 2018) counts in 14712, the 2018 Saline.
        #expect(byCode["14666"] == nil)
        #expect(try #require(byCode["14712"]).population >= 1_888)
        #expect(territory.files.contains { $0.role == "cog" && $0.path.hasSuffix("v_commune_2024.csv") && $0.vintage == "2024" })
        for code in ["18222", "27297", "39484", "45287", "63127"] { #expect(byCode[code]?.population == 0, "\(code)") }
    }
}
