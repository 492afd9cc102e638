import Foundation
import Testing
import ZonegriseTestSupport

/// Results replaced as a whole (issue 8): whatever happens during a run, its output
/// folder holds the whole previous set of results or the whole new one, never a mixture
/// nor a file of an earlier run this one does not write; a second run on the same
/// folder is refused; what killed runs leave is cleaned by the next.
///
/// The runs are killed, paused or made to fail at each step of the commit through
/// `ZONEGRISE_FAULT_INJECTION` (Sources/Zonegrise/Writers/CommitFault.swift).
@Suite("CLI: output folder replaced as a whole")
struct OutputReplacementTests {
    /// The files of a folder and their bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in CLIScratch.entries(folder) {
            let path = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), isFolder.boolValue {
                for inner in CLIScratch.entries(path) { files["\(name)/\(inner)"] = try Data(contentsOf: path.appendingPathComponent(inner)) }
            } else {
                files[name] = try Data(contentsOf: path)
            }
        }
        return files
    }

    /// A scratch folder with `out` analysed once with the demo's defaults (set A), and
    /// `reference` analysed with a one-minute proximité threshold (set B).
    struct Scene {
        let scratch: URL
        var out: URL { scratch.appendingPathComponent("out") }
        var reference: URL { scratch.appendingPathComponent("reference") }
        let old: [String: Data]
        let new: [String: Data]
        static let changed = ["--threshold-proximite", "1"]

        init(_ label: String) throws {
            scratch = try CLIScratch.folder(label)
            let base = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scratch.appendingPathComponent("out").path])
            try #require(base.status == 0, "\(base.stderr)")
            let other = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scratch.appendingPathComponent("reference").path] + Self.changed)
            try #require(other.status == 0, "\(other.stderr)")
            old = try OutputReplacementTests.snapshot(scratch.appendingPathComponent("out"))
            new = try OutputReplacementTests.snapshot(scratch.appendingPathComponent("reference"))
            try #require(old["zones_grises.csv"] != new["zones_grises.csv"], "the two sets differ")
            try #require(old.keys.sorted() == new.keys.sorted() && old.keys.contains("road_graph.zgcache"))
        }

        /// Entries of the scratch folder beside `out` and `reference` (lock files,
        /// leftovers of killed runs).
        var besides: [String] { CLIScratch.entries(scratch).filter { !["out", "reference", ".reference.zonegrise-lock"].contains($0) } }
    }

    @Test(arguments: ["locked", "staged", "carried", "exchanged", "removing", "done"])
    func runKilledAtAStepLeavesTheWholeOldOrTheWholeNewSet(step: String) throws {
        let scene = try Scene("kill-\(step)")
        defer { CLIScratch.remove(scene.scratch) }
        let killed = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed,
                                             environment: ["ZONEGRISE_FAULT_INJECTION": "kill:\(step)"])
        #expect(killed.status == SIGKILL, "killed at \(step): \(killed.stderr)")
        let found = try Self.snapshot(scene.out)
        let exchanged = ["exchanged", "removing", "done"].contains(step)
        #expect(found == (exchanged ? scene.new : scene.old), "killed at \(step): the folder is the whole \(exchanged ? "new" : "old") set")

        // The next run removes what the killed one left, and replaces the folder.
        let next = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Self.snapshot(scene.out) == scene.new)
        #expect(scene.besides == [".out.zonegrise-lock"])
    }

    @Test func exchangeThatFailsLeavesThePreviousResults() throws {
        let scene = try Scene("fail-exchange")
        defer { CLIScratch.remove(scene.scratch) }
        let failed = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed,
                                             environment: ["ZONEGRISE_FAULT_INJECTION": "fail:exchange"])
        #expect(failed.status == 2)
        #expect(failed.stderr.hasSuffix("zonegrise: error: \(scene.out.path): cannot replace the output folder (Input/output error); the previous results are untouched.\n"),
                "\(failed.stderr)")
        #expect(try Self.snapshot(scene.out) == scene.old)
        #expect(scene.besides == [".out.zonegrise-lock"], "no staging folder left")
    }

    /// Where the filesystem cannot exchange, two renames; a run killed between them
    /// leaves the folder absent, and the next run on it (even one that then fails)
    /// puts the previous results back first.
    @Test func fallbackWithoutExchange() throws {
        let scene = try Scene("fallback")
        defer { CLIScratch.remove(scene.scratch) }
        let unsupported = ["ZONEGRISE_FAULT_INJECTION": "fail:exchange-unsupported"]
        let replaced = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed, environment: unsupported)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try Self.snapshot(scene.out) == scene.new)
        #expect(scene.besides == [".out.zonegrise-lock"])

    }

    @Test func runKilledBetweenTheFallbackRenamesIsRecoveredByTheNextRun() throws {
        let scene = try Scene("fallback-kill")
        defer { CLIScratch.remove(scene.scratch) }
        let killed = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed,
                                             environment: ["ZONEGRISE_FAULT_INJECTION": "fail:exchange-unsupported,kill:moved-aside"])
        #expect(killed.status == SIGKILL, "\(killed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scene.out.path), "between the renames the folder is absent, never mixed")
        let aside = scene.besides.filter { $0.hasPrefix(".out.zonegrise-old-") }
        #expect(aside.count == 1, "\(scene.besides)")
        if let aside = aside.first { #expect(try Self.snapshot(scene.scratch.appendingPathComponent(aside)) == scene.old) }

        // A run that fails on its input still puts the previous results back first.
        let failing = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", scene.scratch.appendingPathComponent("absent.yaml").path,
                                               "--out", scene.out.path])
        #expect(failing.status == 2, "\(failing.stderr)")
        #expect(failing.stderr.contains("absent.yaml: cannot read the file: no such file."), "\(failing.stderr)")
        #expect(try Self.snapshot(scene.out) == scene.old, "the previous results are back")
        #expect(scene.besides == [".out.zonegrise-lock"])
    }

    @Test func secondRunOnTheSameFolderIsRefusedWhileTheFirstRuns() throws {
        let scene = try Scene("lock")
        defer { CLIScratch.remove(scene.scratch) }
        let first = try PausedRun(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed, step: "staged")
        let second = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path])
        first.kill()
        #expect(second.status == 2)
        #expect(second.stderr == "zonegrise: error: \(scene.out.path): another zonegrise run (process \(first.process.processIdentifier)) is writing this output folder; wait for it to end or choose another output folder.\n")
        #expect(try Self.snapshot(scene.out) == scene.old)
        let third = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed)
        #expect(third.status == 0, "the lock of a killed run does not outlive it: \(third.stderr)")
        #expect(try Self.snapshot(scene.out) == scene.new)
        #expect(scene.besides == [".out.zonegrise-lock"])
    }

    /// A rerun that writes fewer files: the earlier run's other files do not survive.
    @Test func filesOfAnEarlierRunThatThisOneDoesNotWriteAreGone() throws {
        let scene = try Scene("fewer")
        defer { CLIScratch.remove(scene.scratch) }
        let compare = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", "examples/scenarios/demo-nouveaux-sites.yaml", "--out", scene.out.path])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(CLIScratch.entries(scene.out) == ["LISEZMOI.txt", "cartes", "comparaison.csv", "comparaison.geojson", "comparaison_par_subdivision.csv", "manifest.json",
                                                   "rapport.html", "resultats.gpkg", "road_graph.zgcache", "sites.csv", "transitions.csv"])
        #expect(try Data(contentsOf: scene.out.appendingPathComponent("road_graph.zgcache")) == scene.old["road_graph.zgcache"])
        // A crow-fly run does not use the graph cache: it does not keep it either.
        let crowfly = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--time-model", "crowfly", "--out", scene.out.path])
        #expect(crowfly.status == 0, "\(crowfly.stderr)")
        #expect(CLIScratch.entries(scene.out) == OutputNames.analysisFolder(["communes.csv", "communes.geojson", "gammes.csv", "manifest.json",
                                                                             "poles.geojson", "zones_grises.csv", "zones_grises_par_subdivision.csv"]))
    }

    @Test func folderHoldingOtherFilesIsRefusedAndUntouched() throws {
        let scene = try Scene("foreign")
        defer { CLIScratch.remove(scene.scratch) }
        try Data("carte".utf8).write(to: scene.out.appendingPathComponent("carte.qgz"))
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", scene.out.path] + Scene.changed)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("--out: the output folder holds a file that no zonegrise run wrote there (carte.qgz); each run replaces the whole folder, so move it elsewhere or choose another output folder.\n"),
                "\(result.stderr)")
        var expected = scene.old
        expected["carte.qgz"] = Data("carte".utf8)
        #expect(try Self.snapshot(scene.out) == expected)
    }

    @Test func inputInsideTheOutputFolderIsRefused() throws {
        let scratch = try CLIScratch.folder("input-inside")
        defer { CLIScratch.remove(scratch) }
        let inputs = scratch.appendingPathComponent("out/donnees")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        let out = scratch.appendingPathComponent("out").path
        let result = try ZonegriseBinary.run(["analyse", inputs.appendingPathComponent("demo.yaml").path, "--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains(": --out: \(out) holds the input \(inputs.path)/"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(", and each run replaces the whole output folder; write the results elsewhere.\n"), "\(result.stderr)")
        #expect(CLIScratch.entries(scratch.appendingPathComponent("out")) == ["donnees"])
    }

    /// Replacing the current folder would leave the user's shell in a removed folder.
    @Test(arguments: [".", ".."])
    func currentFolderIsRefused(out: String) throws {
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix(": --out: \(out) is the current folder or holds it, and each run replaces the whole output folder; name a folder for the results below or beside it.\n"),
                "\(result.stderr)")
    }

    @Test func graphCacheThatIsAFolderAnInputOrInASubfolderOfTheOutputsIsRefused() throws {
        let scratch = try CLIScratch.folder("cache-path")
        defer { CLIScratch.remove(scratch) }
        let out = scratch.appendingPathComponent("out").path
        let osm = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo/roads.osm").path
        let cases: [(String, String)] = [
            (scratch.path, "time_model.osm.cache: \(scratch.path) is a folder; name a file for the road graph cache (default: road_graph.zgcache in the output folder).\n"),
            (osm, "time_model.osm.cache: \(osm) is an input of this run (\(osm)); name another file for the road graph cache.\n"),
            (out + "/cache/graph.zgcache", "time_model.osm.cache: \(out)/cache/graph.zgcache is in a subfolder of the output folder, which each run replaces as a whole; put the cache in the output folder itself (the default) or outside it.\n"),
        ]
        for (cache, message) in cases {
            let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out, "--graph-cache", cache])
            #expect(result.status == 2)
            #expect(result.stderr.hasSuffix(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // A cache named in the output folder itself is kept there like the default one.
        let named = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out, "--graph-cache", out + "/routes.zgcache"])
        #expect(named.status == 0, "\(named.stderr)")
        let again = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out, "--graph-cache", out + "/routes.zgcache", "--threshold-proximite", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(CLIScratch.entries(URL(fileURLWithPath: out)).contains("routes.zgcache"))
    }
}

/// A run of the tool paused by fault injection at a step of its commit, until killed.
final class PausedRun {
    let process = Process()
    private let errors: URL

    init(_ arguments: [String], step: String) throws {
        errors = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-paused-\(UUID().uuidString)")
        try Data().write(to: errors)
        process.executableURL = URL(fileURLWithPath: ZonegriseBinary.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["ZONEGRISE_FAULT_INJECTION": "pause:\(step)"]) { $1 }
        process.currentDirectoryURL = ZonegriseBinary.repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains("zonegrise: paused at \(step)") {
            try #require(process.isRunning && Date() < deadline, "the run did not reach \(step): \((try? String(contentsOf: errors, encoding: .utf8)) ?? "")")
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: errors)
    }
}
