import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseNative

/// `examples/pas-de-calais.yaml` on the real open data of `../shared/geodata` (IGN
/// ADMIN EXPRESS 2018, INSEE populations 2021 and BPE 2019, ANCT France Services 2024),
/// through `TerritoryManifest.load` and `AnalysisRun` as `zonegrise analyse` does.
///
/// Skipped, with a message, when `../shared/geodata` is not beside the repository. The
/// analysis runs once (a few seconds in debug) and every test reads its outputs.
@Suite("Real data: Pas-de-Calais",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
struct PasDeCalaisTests {
    struct Run: Sendable {
        var communes: [Commune]
        var access: [Gamme: [Access]]
        var layerNames: [String]
        var layerSites: [Int]
        var warnings: [String]
        /// Output name → bytes (the temporary folder is removed at once).
        var files: [String: Data]
    }

    /// One run for the whole suite, started by the first test that asks.
    static let run = Task<Result<Run, ZonegriseError>, Never> {
        let folder: URL
        do { folder = try TestRepository.makeTemporaryFolder("pas-de-calais") } catch {
            return .failure(.inconsistent(detail: "cannot make a temporary folder: \(error)"))
        }
        defer { TestRepository.removeTemporaryFolder(folder) }
        do {
            let config = try TerritoryManifest.load(path: TestRepository.path("examples/pas-de-calais.yaml"))
            let report = try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
            var files: [String: Data] = [:]
            for path in report.outputs {
                files[URL(fileURLWithPath: path).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return .success(Run(communes: report.result.communes, access: report.result.access,
                                layerNames: report.result.layers.map(\.name), layerSites: report.result.layers.map(\.sites.count),
                                warnings: report.warningMessages, files: files))
        } catch let error as ZonegriseError {
            return .failure(error)
        } catch {
            return .failure(.inconsistent(detail: "\(error)"))
        }
    }

    static func result() async throws -> Run {
        switch await run.value {
        case let .success(run): return run
        case let .failure(error):
            Issue.record("the Pas-de-Calais run failed: \(error.description)")
            throw error
        }
    }

    static func csv(_ name: String) async throws -> (header: [String], rows: [[String]]) {
        let data = try #require(try await result().files[name], "no \(name) in the outputs")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let split = { (line: Substring) in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (split(lines[0]), lines.dropFirst().map(split))
    }

    static func manifest() async throws -> [String: Any] {
        let data = try #require(try await result().files["manifest.json"])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func analysesTheCommunesAndPopulationOfPasDeCalais() async throws {
        let run = try await Self.result()
        #expect(run.communes.count == 890)
        #expect(run.communes.allSatisfy { $0.code.hasPrefix("62") })
        #expect(run.communes.reduce(0) { $0 + $1.population } == 1_461_441)
        let counts = try #require(try await Self.manifest()["counts"] as? [String: Any])
        #expect(counts["communes_analysed"] as? Int == 890)
        #expect(counts["population_analysed"] as? Int == 1_461_441)
        // Every inhabitant of the population file's rows of 62 is analysed; those of the
        // three départements all reach a commune (COG fusions in the Somme, declared ones).
        #expect(counts["population_file_analysis_area"] as? Int == 1_461_441)
        #expect(counts["population_file_loaded_departements"] as? Int == counts["population_matched_loaded_departements"] as? Int)
        #expect(counts["communes_merged_by_cog"] as? Int == 4)
        #expect(counts["communes_without_population"] as? Int == 0)
        #expect(counts["communes_outside_departements_skipped"] as? Int == 0)
        let table = try await Self.csv("communes.csv")
        #expect(table.rows.count == 890)
        let population = try #require(table.header.firstIndex(of: "population"))
        #expect(table.rows.reduce(0) { $0 + (Int($1[population]) ?? 0) } == 1_461_441)
    }

    /// Every commune is classified for every gamme: a time, a pole and a band.
    @Test func everyCommuneIsClassifiedForEveryGamme() async throws {
        let run = try await Self.result()
        for gamme in Gamme.allCases {
            let access = try #require(run.access[gamme])
            #expect(access.count == 890)
            for (commune, row) in zip(run.communes, access) {
                #expect(row.minutes != nil && row.target != nil, "\(commune.code) has no \(gamme.rawValue) pole")
                #expect((0 ... 3).contains(row.band), "\(commune.code)")
            }
        }
        let table = try await Self.csv("communes.csv")
        let bands: Set<String> = ["0-10", "10-20", "20-30", "30+"]
        for gamme in Gamme.allCases.map(\.rawValue) {
            let time = try #require(table.header.firstIndex(of: "temps_" + gamme))
            let pole = try #require(table.header.firstIndex(of: "pole_" + gamme))
            let band = try #require(table.header.firstIndex(of: "bande_" + gamme))
            let grey = try #require(table.header.firstIndex(of: "zone_grise_" + gamme))
            for row in table.rows {
                #expect(Double(row[time]) != nil, "\(row[0]) temps_\(gamme) is \(row[time])")
                #expect(row[pole].count == 5, "\(row[0]) pole_\(gamme) is \(row[pole])")
                #expect(bands.contains(row[band]), "\(row[0]) bande_\(gamme) is \(row[band])")
                #expect(row[grey] == "true" || row[grey] == "false")
            }
        }
    }

    /// Canteleux (62210) joined Bonnières (62154) in 2019: one commune, polygons united.
    @Test func mergedCommuneIsUnited() async throws {
        let run = try await Self.result()
        let codes = Set(run.communes.map(\.code))
        #expect(!codes.contains("62210"))
        #expect(codes.contains("62154"))
        #expect(run.warnings.contains("commune 62210 merged into 62154 (communes.fusions): polygons united"))
        let fusions = try #require((try await Self.manifest()["parameters"] as? [String: Any])?["fusions"] as? [String: String])
        #expect(fusions == ["62210": "62154", "80209": "80625", "80389": "80442", "80419": "80625"])
        let communeRows = try await Self.csv("communes.csv").rows
        #expect(!communeRows.contains { $0[0] == "62210" })

        // Its area is that of the two 2018 polygons.
        let file = TestRepository.sharedGeodata.appendingPathComponent("admin-express-2018/communes/62-pas-de-calais.geojson").path
        let document = try GeoJSONReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        let engine = GeometryEngine(), toL93 = try CoordinateTransformer.wgs84ToLambert93()
        var area = 0.0
        for feature in document.features where ["62154", "62210"].contains(feature.properties["code"]?.propertyText ?? "") {
            area += try engine.area(try toL93.transform(try #require(feature.geometry?.asMultiPolygon)))
        }
        let bonnieres = try #require(run.communes.first { $0.code == "62154" })
        #expect(area > 1_000_000)
        #expect(abs(bonnieres.areaSquareMetres - area) < area * 0.005, "\(bonnieres.areaSquareMetres) vs \(area)")
    }

    @Test func manifestListsInputsWithChecksumsAndVintages() async throws {
        let inputs = try #require(try await Self.manifest()["inputs"] as? [[String: Any]])
        var vintages: [String: Set<String>] = [:]
        for input in inputs {
            let role = try #require(input["role"] as? String)
            let path = try #require(input["path"] as? String)
            let digest = try #require(input["sha256"] as? String)
            #expect(digest.count == 64 && digest.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(role): \(digest)")
            #expect(path.hasPrefix(TestRepository.sharedGeodata.path + "/"), "\(path)")
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(input["bytes"] as? Int == size, "\(path)")
            if let vintage = input["vintage"] as? String { vintages[role, default: []].insert(vintage) }
        }
        #expect(inputs.filter { $0["role"] as? String == "communes" }.count == 3)
        #expect(vintages["communes"] == ["2018"])
        #expect(vintages["populations"] == ["2021"])
        #expect(vintages["equipment"] == ["2019"])
        #expect(vintages["service_layer:france_services"] == ["2024"])
        #expect(Set(inputs.compactMap { $0["role"] as? String })
            == ["communes", "cog", "populations", "equipment", "service_layer:france_services", "subdivision:arrondissement", "subdivision:canton"])
        #expect(vintages["cog"] == ["2024"])
        // One checksum recomputed by an independent tool.
        // (coreutils' sha256sum is on every Debian machine: its absence is a failure, not a skip.)
        let sha256sum = "/usr/bin/sha256sum"
        try #require(FileManager.default.isExecutableFile(atPath: sha256sum), "needs \(sha256sum) (coreutils)")
        do {
            let populations = try #require(inputs.first(where: { $0["role"] as? String == "populations" }))
            let path = try #require(populations["path"] as? String)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sha256sum)
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(output.hasPrefix((populations["sha256"] as? String ?? "?") + " "), "\(output)")
        }
        // Derived gammes, said so.
        let gammes = try #require(try await Self.manifest()["gammes"] as? [String: Any])
        #expect(gammes["source"] as? String == "derived")
        #expect(try await Self.result().warnings.contains { $0.hasPrefix("no gamme table given: gammes derived") })
    }

    @Test func subdivisionTableHasArrondissementsAndCantons() async throws {
        let table = try await Self.csv("zones_grises_par_subdivision.csv")
        #expect(table.header == ["subdivision", "code", "nom", "gamme", "seuil_minutes", "communes", "population",
                                 "part_population_pct", "communes_total", "population_totale", "source_gammes"])
        let gammes = ["proximite", "intermediaire", "superieure", "france_services"]
        for (scheme, expected) in [("arrondissement", 7), ("canton", 39)] {
            let rows = table.rows.filter { $0[0] == scheme }
            let codes = Set(rows.map { $0[1] })
            #expect(codes.count == expected, "\(scheme): \(codes.sorted())")
            #expect(!codes.contains(SubdivisionScheme.unassigned), "\(scheme): communes outside every polygon")
            #expect(rows.count == expected * gammes.count)
            for code in codes {
                #expect(rows.filter { $0[1] == code }.map { $0[3] } == gammes, "\(scheme) \(code)")
            }
            // Each scheme covers the département once.
            let totals = rows.filter { $0[3] == "proximite" }
            #expect(totals.reduce(0) { $0 + (Int($1[8]) ?? 0) } == 890, "\(scheme)")
            #expect(totals.reduce(0) { $0 + (Int($1[9]) ?? 0) } == 1_461_441, "\(scheme)")
        }
        #expect(Set(table.rows.map { $0[0] }) == ["arrondissement", "canton"])
    }

    @Test func franceServicesLayerIsPresent() async throws {
        let run = try await Self.result()
        #expect(run.layerNames == ["france_services"])
        // 50 sites in Pas-de-Calais, 52 in Nord, 28 in Somme (geodata README).
        #expect(run.layerSites == [130])
        let summary = try await Self.csv("zones_grises.csv")
        #expect(summary.rows.map { $0[0] } == ["proximite", "intermediaire", "superieure", "france_services"])
        #expect(summary.rows.last?[1] == "30")
        let communes = try await Self.csv("communes.csv")
        for column in ["temps_france_services", "site_france_services", "hors_seuil_france_services"] {
            #expect(communes.header.contains(column), "no column \(column)")
        }
        let site = try #require(communes.header.firstIndex(of: "site_france_services"))
        #expect(communes.rows.allSatisfy { !$0[site].isEmpty })
    }
}
