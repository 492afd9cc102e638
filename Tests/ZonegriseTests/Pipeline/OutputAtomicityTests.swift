import Foundation
import Testing
@testable import Zonegrise

/// Outputs are written all or nothing: a failed run leaves no partial file, no staging
/// folder, and the outputs of a previous run as they were.
@Suite("Pipeline: all-or-nothing outputs")
struct OutputAtomicityTests {
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in TestRepository.entries(of: folder) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func failedRunLeavesPreviousOutputsUntouched() async throws {
        let territory = try PipelineTerritory("previous-outputs")
        let report = try await territory.run()
        let expected = ["communes.csv", "communes.geojson", "gammes.csv", "manifest.json", "poles.geojson", "zones_grises.csv"]
        #expect(territory.outputEntries == expected)
        #expect(report.outputs == ["communes.geojson", "communes.csv", "poles.geojson", "zones_grises.csv", "gammes.csv", "manifest.json"]
            .map { territory.out.appendingPathComponent($0).path })
        let before = try Self.snapshot(territory.out)

        // A second run with a different threshold, which fails on its populations.
        try territory.write("populations.csv", "code,population\n99001,beaucoup\n")
        var config = try territory.configuration()
        try config.apply("thresholds.proximite", value: "1", source: "--threshold-proximite")
        let (error, _) = await territory.runError(config)
        #expect(error != nil)
        #expect(territory.outputEntries == expected)
        #expect(try Self.snapshot(territory.out) == before)
    }

    @Test func successfulRunReplacesPreviousOutputs() async throws {
        let territory = try PipelineTerritory("replace-outputs")
        try await territory.run()
        #expect(try territory.outputRows("zones_grises.csv").rows["proximite"]?["seuil_minutes"] == "10")
        var config = try territory.configuration()
        try config.apply("thresholds.proximite", value: "1", source: "--threshold-proximite")
        try await territory.run(config)
        let rows = try territory.outputRows("zones_grises.csv").rows
        #expect(rows["proximite"]?["seuil_minutes"] == "1")
        // Every commune but the two poles is more than a minute from a pole.
        #expect(rows["proximite"]?["communes"] == "7")
        #expect(!territory.outputEntries.contains { $0.hasPrefix(".") })
    }

    /// A transaction that is dropped before `commit` removes its staging folder.
    @Test func uncommittedTransactionLeavesNothing() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        do {
            let transaction = try OutputTransaction(directory: out.path)
            try transaction.write("communes.csv", "code\n")
            try transaction.write("zones_grises.csv", "gamme\n")
            let staged = TestRepository.entries(of: out)
            #expect(staged.count == 1 && staged[0].hasPrefix(".zonegrise-staging-"), "\(staged)")
            #expect(TestRepository.entries(of: out.appendingPathComponent(staged[0])) == ["communes.csv", "zones_grises.csv"])
        }
        #expect(TestRepository.entries(of: out) == [])
    }

    @Test func committedTransactionMovesEveryFile() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-commit")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let transaction = try OutputTransaction(directory: folder.path)
        try transaction.write("b.csv", "b\n")
        try transaction.write("a.csv", "a\n")
        #expect(TestRepository.entries(of: folder).allSatisfy { $0.hasPrefix(".zonegrise-staging-") })
        let paths = try transaction.commit()
        #expect(paths == [folder.appendingPathComponent("b.csv").path, folder.appendingPathComponent("a.csv").path])
        #expect(TestRepository.entries(of: folder) == ["a.csv", "b.csv"])
        #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "a\n")
    }

    @Test func outputFolderThatIsAFile() async throws {
        let territory = try PipelineTerritory("out-is-file")
        let blocked = territory.folder.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        let (error, text) = await asyncZonegriseError {
            _ = try await AnalysisRun(configuration: try territory.configuration(), outputDirectory: blocked.path).execute()
        }
        guard case let .unreadable(file, reason)? = error else {
            Issue.record("expected unreadable, got \(text)")
            return
        }
        #expect(file == blocked.path)
        #expect(reason.hasPrefix("cannot create the output folder"))
    }
}
