import Foundation
import Testing
import ZonegriseTestSupport
@testable import Zonegrise

/// Outputs are written all or nothing: a failed run leaves no partial file, no staging
/// folder, and the outputs of a previous run as they were.
@Suite("Pipeline: all-or-nothing outputs")
struct OutputAtomicityTests {
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in TestRepository.entries(of: folder) {
            let path = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), isFolder.boolValue {
                for inner in TestRepository.entries(of: path) { files["\(name)/\(inner)"] = try Data(contentsOf: path.appendingPathComponent(inner)) }
            } else {
                files[name] = try Data(contentsOf: path)
            }
        }
        return files
    }

    @Test func failedRunLeavesPreviousOutputsUntouched() async throws {
        let territory = try PipelineTerritory("previous-outputs")
        let report = try await territory.run()
        let expected = OutputNames.analysisFolder(["communes.csv", "communes.geojson", "gammes.csv", "manifest.json", "poles.geojson", "zones_grises.csv"])
        #expect(territory.outputEntries == expected)
        #expect(report.outputs == (["communes.geojson", "communes.csv", "poles.geojson", "zones_grises.csv", "gammes.csv"]
            + OutputNames.analysisWritten(layers: ["france_services"]) + ["manifest.json"])
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

    /// A transaction that is dropped before `commit` removes its staging folder, a
    /// hidden sibling of the output folder, and leaves the folder as it was.
    @Test func uncommittedTransactionLeavesNothing() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        do {
            let transaction = try OutputTransaction(directory: out.path)
            try transaction.write("communes.csv", "code\n")
            try transaction.write("zones_grises.csv", "gamme\n")
            let staged = TestRepository.entries(of: folder).filter { $0.hasPrefix(".sortie.zonegrise-new-") }
            #expect(staged.count == 1, "\(TestRepository.entries(of: folder))")
            #expect(TestRepository.entries(of: folder.appendingPathComponent(staged[0])) == ["communes.csv", "zones_grises.csv"])
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is in place before the commit")
        }
        #expect(TestRepository.entries(of: folder) == [".sortie.zonegrise-lock"])
    }

    @Test func committedTransactionMovesEveryFile() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-commit")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let transaction = try OutputTransaction(directory: out.path)
        try transaction.write("b.csv", "b\n")
        try transaction.write("a.csv", "a\n")
        let paths = try transaction.commit()
        #expect(paths == [out.appendingPathComponent("b.csv").path, out.appendingPathComponent("a.csv").path])
        #expect(TestRepository.entries(of: out) == ["a.csv", "b.csv"])
        #expect(try String(contentsOf: out.appendingPathComponent("a.csv"), encoding: .utf8) == "a\n")
        #expect(TestRepository.entries(of: folder) == [".sortie.zonegrise-lock", "sortie"])
    }

    /// The whole folder is replaced: a file of the previous run that this one does not
    /// write does not survive; a cache named as carried does, as the same file.
    @Test func commitReplacesTheWholeFolderAndCarriesTheCache() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-replace")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let first = try OutputTransaction(directory: out.path)
        try first.write("zones_grises_par_subdivision.csv", "old\n")
        try first.write("communes.csv", "old\n")
        try first.write("manifest.json", #"{"tool": {"name": "zonegrise"}, "outputs": ["zones_grises_par_subdivision.csv", "communes.csv", "manifest.json"]}"#)
        _ = try first.commit()
        try Data("cache".utf8).write(to: out.appendingPathComponent("road_graph.zgcache"))
        let inode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("road_graph.zgcache").path)[.systemFileNumber] as? Int

        let second = try OutputTransaction(directory: out.path, cacheNames: ["road_graph.zgcache"])
        try second.write("communes.csv", "new\n")
        _ = try second.commit()
        #expect(TestRepository.entries(of: out) == ["communes.csv", "road_graph.zgcache"])
        #expect(try String(contentsOf: out.appendingPathComponent("communes.csv"), encoding: .utf8) == "new\n")
        #expect(try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("road_graph.zgcache").path)[.systemFileNumber] as? Int == inode,
                "the cache is linked, not copied")
        #expect(TestRepository.entries(of: folder) == [".sortie.zonegrise-lock", "sortie"])
    }

    /// The fallback for filesystems that cannot exchange (two renames) gives the same
    /// folder; a run killed between its renames has the previous results put back.
    @Test func fallbackRenamesAndRecoveryOfResultsSetAside() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-aside")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let first = try OutputTransaction(directory: out.path)
        try first.write("manifest.json", #"{"tool": {"name": "zonegrise"}, "outputs": ["a.csv", "manifest.json"]}"#)
        try first.write("a.csv", "old\n")
        _ = try first.commit()
        // As a run killed after moving the results aside and before moving its own in.
        try FileManager.default.moveItem(at: out, to: folder.appendingPathComponent(".sortie.zonegrise-old-99999"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".sortie.zonegrise-new-99999"), withIntermediateDirectories: false)
        let second = try OutputTransaction(directory: out.path)
        #expect(try String(contentsOf: out.appendingPathComponent("a.csv"), encoding: .utf8) == "old\n", "the previous results are back")
        #expect(TestRepository.entries(of: folder).filter { $0.hasPrefix(".sortie.zonegrise-") }.sorted()
                == [".sortie.zonegrise-lock", ".sortie.zonegrise-new-\(ProcessInfo.processInfo.processIdentifier)"], "leftovers removed")
        try second.write("a.csv", "new\n")
        _ = try second.commit()
        #expect(TestRepository.entries(of: out) == ["a.csv"])
    }

    /// A folder holding files that no run wrote is refused, never replaced.
    @Test func folderWithOtherFilesIsRefused() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-foreign")
        defer { TestRepository.removeTemporaryFolder(folder) }
        try Data("mes notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("communes.csv"))
        let (error, text) = zonegriseError { _ = try OutputTransaction(directory: folder.path) }
        #expect(error != nil)
        #expect(text == "\(folder.path): --out: the output folder holds files that no zonegrise run wrote there (communes.csv, notes.txt); each run replaces the whole folder, so move them elsewhere or choose another output folder.")
        #expect(TestRepository.entries(of: folder) == ["communes.csv", "notes.txt"])
    }

    /// Only one transaction at a time on one folder.
    @Test func secondTransactionOnTheSameFolderIsRefused() throws {
        let folder = try TestRepository.makeTemporaryFolder("transaction-lock")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let first = try OutputTransaction(directory: out.path)
        let (error, _) = zonegriseError { _ = try OutputTransaction(directory: out.path) }
        #expect(error == .outputFolderInUse(folder: out.path, process: Int(ProcessInfo.processInfo.processIdentifier)))
        try first.write("a.csv", "a\n")
        _ = try first.commit()
    }

    @Test func outputFolderThatIsAFile() async throws {
        let territory = try PipelineTerritory("out-is-file")
        let blocked = territory.folder.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        let (error, text) = await asyncZonegriseError {
            _ = try await AnalysisRun(configuration: try territory.configuration(), outputDirectory: blocked.path).execute()
        }
        guard case let .unwritable(file, reason)? = error else {
            Issue.record("expected unwritable, got \(text)")
            return
        }
        #expect(file == blocked.path)
        #expect(reason.hasPrefix("cannot create the output folder"))
    }
}
