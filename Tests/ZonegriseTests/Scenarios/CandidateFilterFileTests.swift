import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

@Suite struct CandidateFilterFileTests {
    @Test func theShippedRuleOf2017Reads() throws {
        let filter = try CandidateFilterFile.load(path: TestRepository.path("examples/candidates/pas-de-calais-regle-2017.yaml"))
        #expect(filter.anyOf == [
            .init(populationMax: 1999),
            .init(populationMax: 9999, poleLevels: [.superieure]),
            .init(populationMax: 2999, poleLevels: [.intermediaire], densityMaxPerSquareKm: 100),
        ])
    }

    @Test(arguments: [
        ("version: 1\nany_of:\n  - {population_maxi: 3}\n", ":3: any_of.population_maxi: unknown key"),
        ("version: 1\nany_of:\n  - {pole_levels: [metropole]}\n", ":3: any_of.pole_levels: \"metropole\" is not one of aucun, proximite, intermediaire, superieure."),
        ("version: 1\nmin_distance_km: -2\n", ":2: min_distance_km: must be a distance from 0 to 1,000 km, got -2."),
    ] as [(String, String)])
    func badEntriesNameTheFileLineAndKey(text: String, message: String) throws {
        let folder = try TestRepository.makeTemporaryFolder("candidates")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("c.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (error, description) = zonegriseError { _ = try CandidateFilterFile.load(path: path) }
        #expect(error != nil)
        #expect(description.hasPrefix(path + message.prefix(while: { $0 != " " })) || description.contains(message), "\(description)")
        #expect(description.contains(message.drop(while: { $0 != " " }).dropFirst()), "\(description)")
    }
}

@Suite struct ManifestCandidatesTests {
    @Test func theManifestNamesACandidatesFileRelativeToItself() throws {
        let config = try TerritoryManifest.parse("""
            version: 1
            analysis_area: ["99"]
            communes: communes.geojson
            populations: populations.csv
            equipment: bpe.csv
            candidates: candidats.yaml
            """, path: "/data/territoire/manifest.yaml")
        #expect(config.candidatesFile == "/data/territoire/candidats.yaml")
    }
}
