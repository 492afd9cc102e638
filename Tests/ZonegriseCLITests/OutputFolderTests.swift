import Foundation
import Testing

/// Inputs are never outputs (issue 8): `--out` may not be empty nor an input's folder.
@Suite("CLI: output folder")
struct OutputFolderTests {
    @Test func outputIntoTheInputsFolderIsRefusedAndNothingChanges() throws {
        let copy = try CLIScratch.folder("out-is-input")
        defer { CLIScratch.remove(copy) }
        let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let before = CLIScratch.entries(copy)
        let gammes = try Data(contentsOf: copy.appendingPathComponent("gammes.csv"))
        let result = try ZonegriseBinary.run(["analyse", copy.appendingPathComponent("demo.yaml").path, "--out", copy.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("zonegrise: error: \(copy.appendingPathComponent("demo.yaml").path): --out: \(copy.path) is the folder of the input "),
                "\(result.stderr)")
        #expect(CLIScratch.entries(copy) == before)
        #expect(try Data(contentsOf: copy.appendingPathComponent("gammes.csv")) == gammes, "the input gammes.csv is untouched")
    }

    @Test(arguments: ["analyse", "compare"])
    func emptyOutputFolderIsRefused(command: String) throws {
        let extra = command == "compare" ? ["examples/scenarios/demo-nouveaux-sites.yaml"] : []
        let result = try ZonegriseBinary.run([command, "geodata/demo/demo.yaml"] + extra + ["--out", ""])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("--out: the output folder is empty; name a folder for the results.\n"), "\(result.stderr)")
    }

    /// The maps are in a subfolder, `cartes/`, listed in manifest.json: a rerun replaces
    /// it with the rest, and a file of the user's put in it is refused, never lost.
    @Test func theMapsSubfolderIsReplacedAndAUserFileInItIsRefused() throws {
        let scratch = try CLIScratch.folder("out-subfolder")
        defer { CLIScratch.remove(scratch) }
        let out = scratch.appendingPathComponent("out")
        let first = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let maps = CLIScratch.entries(out.appendingPathComponent("cartes"))
        #expect(maps.contains("bandes_proximite.svg") && maps.contains("secteurs.svg"), "\(maps)")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"cartes/bandes_proximite.svg\""))
        // A stale map of an earlier run (listed by its manifest) is replaced, not kept.
        let stale = out.appendingPathComponent("cartes/bandes_proximite.svg")
        try Data("old".utf8).write(to: stale)
        let second = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: stale) != Data("old".utf8))
        #expect(CLIScratch.entries(out.appendingPathComponent("cartes")) == maps)

        let note = out.appendingPathComponent("cartes/mes-notes.txt")
        try Data("à garder".utf8).write(to: note)
        let refused = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the output folder holds a file that no zonegrise run wrote there (cartes/mes-notes.txt)"), "\(refused.stderr)")
        #expect(try Data(contentsOf: note) == Data("à garder".utf8), "the user's file is untouched")
    }
}
