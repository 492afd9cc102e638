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
}
