import Foundation
import Testing
import ZonegriseTestSupport

/// What the commands print around a run: the progress bar on a terminal only, `--quiet`,
/// and the `--json` summary (docs/JSON-SUMMARY.md), parsed back and checked against the
/// written tables.
@Suite("CLI: progress, --quiet, --json")
struct RunOutputTests {
    static let script = Prerequisite.executable(["/usr/bin/script", "/bin/script"])
    /// What draws or erases the progress line.
    static let escape = "\u{1B}[2K\r"

    /// The tool run under a pseudo-terminal (util-linux `script`), with `variables` set
    /// (and `CI` removed unless given): standard output and error both come back in
    /// `stdout`, as a terminal shows them.
    static func onTerminal(_ arguments: [String], variables: [String: String]) throws -> ZonegriseBinary.Result {
        let settings = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = (["env", "-u", "CI"] + settings + [ZonegriseBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ZonegriseBinary.run(executable: script!, missing: "util-linux script", ["-qfec", command, "/dev/null"])
    }

    @Test func aPipeGetsNoProgressOnlyWarnings() throws {
        let out = try CLIScratch.folder("pipe")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path], environment: ["TERM": "xterm"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r") && !result.stderr.contains("%"))
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("zonegrise: warning: "), "not a warning on standard error: \(line)") }
    }

    @Test(.requires("util-linux script (a pseudo-terminal)", { script != nil }))
    func aTerminalGetsTheBarAndAClearLineBeforeTheWarnings() throws {
        let out = try CLIScratch.folder("tty")
        defer { CLIScratch.remove(out) }
        let result = try Self.onTerminal(["analyse", "geodata/demo/demo.yaml", "--out", out.path], variables: ["TERM": "xterm"])
        #expect(result.status == 0, "\(result.stdout)")
        let text = result.stdout
        #expect(text.contains(Self.escape + "zonegrise: ["), "no progress bar on a terminal: \(text.prefix(400))")
        #expect(text.range(of: #"\] +[0-9]+ %  "#, options: .regularExpression) != nil, "no percentage: \(text.prefix(400))")
        // The bar is erased before the first warning, and nothing of it follows.
        let warning = try #require(text.range(of: "zonegrise: warning: "))
        #expect(text[..<warning.lowerBound].hasSuffix(Self.escape), "the line is not clean before the warnings")
        #expect(!text[warning.lowerBound...].contains("\u{1B}"))
        #expect(text.contains("300 communes analysed"))
    }

    @Test(.requires("util-linux script (a pseudo-terminal)", { script != nil }),
          arguments: [["CI": "true", "TERM": "xterm"], ["TERM": "dumb"]])
    func aTerminalUnderCIOrDumbGetsNoBar(variables: [String: String]) throws {
        let out = try CLIScratch.folder("tty-ci")
        defer { CLIScratch.remove(out) }
        let result = try Self.onTerminal(["analyse", "geodata/demo/demo.yaml", "--out", out.path], variables: variables)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"), "progress drawn with \(variables): \(result.stdout.prefix(300))")
        #expect(result.stdout.contains("300 communes analysed"))
    }

    @Test(.requires("util-linux script (a pseudo-terminal)", { script != nil }))
    func quietDrawsNothingEvenOnATerminal() throws {
        let out = try CLIScratch.folder("tty-quiet")
        defer { CLIScratch.remove(out) }
        let result = try Self.onTerminal(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--quiet"], variables: ["TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "\(result.stdout.prefix(300))")
    }

    /// The JSON document of a run, parsed.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    @Test func jsonSummaryHoldsTheFiguresOfZonesGrisesCSV() throws {
        let out = try CLIScratch.folder("json")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Self.json(result.stdout)
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "zonegrise")
        #expect(document["command"] as? String == "analyse")
        #expect(document["manifest"] as? String == "geodata/demo/demo.yaml")
        #expect(document["output_folder"] as? String == out.path)
        #expect(document["communes_analysed"] as? Int == 300)
        #expect(document["population"] as? Int == 269_516)
        #expect(document["poles"] as? Int == 111)
        let gammes = try #require(document["gammes"] as? [String: Any])
        #expect(gammes["source"] as? String == "table")
        #expect((gammes["sizes"] as? [String: Int])?.keys.sorted() == ["intermediaire", "proximite", "superieure"])
        // Each summary row equals its row of zones_grises.csv.
        let table = try CLIScratch.rows(out.appendingPathComponent("zones_grises.csv"))
        let rows = try #require(document["summary"] as? [[String: Any]])
        #expect(rows.map { $0["gamme"] as? String ?? "" } == ["proximite", "intermediaire", "superieure", "france_services"])
        #expect(rows.map { $0["kind"] as? String ?? "" } == ["gamme", "gamme", "gamme", "layer"])
        for row in rows {
            let name = row["gamme"] as? String ?? ""
            let csv = try #require(table[name])
            #expect("\(row["threshold_minutes"] as? NSNumber ?? -1)" == csv[1], "\(name) threshold")
            #expect("\(row["communes"] as? Int ?? -1)" == csv[2], "\(name) communes")
            #expect("\(row["population"] as? Int ?? -1)" == csv[3], "\(name) population")
            #expect("\(row["share_pct"] as? NSNumber ?? -1)" == csv[4], "\(name) share")
        }
        let subdivisions = try #require(document["subdivisions"] as? [[String: Any]])
        let bySubdivision = try String(contentsOf: out.appendingPathComponent("zones_grises_par_subdivision.csv"), encoding: .utf8)
        #expect(subdivisions.count == bySubdivision.split(separator: "\n").count - 1)
        let outputs = try #require(document["outputs"] as? [String])
        #expect(outputs.map { URL(fileURLWithPath: $0).lastPathComponent }.contains("LISEZMOI.txt"))
        #expect(outputs.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let warnings = try #require(document["warnings"] as? [[String: String]])
        #expect(warnings.contains { $0["code"] == "polygons_repaired" && ($0["message"] ?? "").contains("99244") })
        let timings = try #require(document["timings"] as? [String: Any])
        let stageNames = (timings["stages"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(stageNames.contains("search"))
        // The edge index and the maps were made while the territory loaded, once each.
        #expect(stageNames.filter { $0 == "commune edges (concurrent)" }.count == 1, "\(stageNames)")
        #expect(stageNames.filter { $0 == "simplify maps (concurrent)" }.count == 1, "\(stageNames)")
        #expect(timings["wall_seconds"] is NSNumber)
        // Warnings still go to standard error; the text summary is not printed.
        #expect(result.stderr.contains("zonegrise: warning: "))
        #expect(!result.stdout.contains("communes analysed"))
    }

    @Test func jsonWithQuietStillPrintsTheDocumentAndNothingElse() throws {
        let out = try CLIScratch.folder("json-quiet")
        defer { CLIScratch.remove(out) }
        let first = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--json", "--quiet"])
        #expect(first.status == 0)
        #expect(first.stderr.isEmpty, "\(first.stderr)")
        var a = try Self.json(first.stdout)
        let second = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--json", "-q"])
        var b = try Self.json(second.stdout)
        // Only the timings differ between two runs.
        #expect(a.removeValue(forKey: "timings") != nil && b.removeValue(forKey: "timings") != nil)
        let options: JSONSerialization.WritingOptions = [.sortedKeys]
        #expect(try JSONSerialization.data(withJSONObject: a, options: options) == JSONSerialization.data(withJSONObject: b, options: options))
    }

    @Test func compareAndRecommendPrintNothingWhenQuietAndTheirGainsInJSON() throws {
        let out = try CLIScratch.folder("json-compare")
        defer { CLIScratch.remove(out) }
        let scenario = "examples/scenarios/demo-nouveaux-sites.yaml"
        let quiet = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", scenario, "--out", out.path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let compared = try Self.json(try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", scenario, "--out", out.path, "--json", "-q"]).stdout)
        #expect(compared["command"] as? String == "compare")
        let scenarios = try #require(compared["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 1)
        let table = try String(contentsOf: out.appendingPathComponent("comparaison.csv"), encoding: .utf8)
        for row in try #require(scenarios.first?["rows"] as? [[String: Any]]) {
            let before = row["population_before"] as? Int ?? -1, after = row["population_after"] as? Int ?? -1
            #expect(row["population_gain"] as? Int == before - after)
            #expect(table.contains(",\(before),") && table.contains(",\(after),"), "\(row) not in comparaison.csv")
        }

        let reco = try CLIScratch.folder("json-recommend")
        defer { CLIScratch.remove(reco) }
        let quietReco = try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--k", "2", "--out", reco.path, "-q"])
        #expect(quietReco.status == 0 && quietReco.stdout.isEmpty && quietReco.stderr.isEmpty, "\(quietReco.stdout)\(quietReco.stderr)")
        let recommended = try Self.json(try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--k", "2",
                                                                 "--out", reco.path, "--json", "-q"]).stdout)
        let recommendation = try #require(recommended["recommendation"] as? [String: Any])
        let sites = try #require(recommendation["sites"] as? [[String: Any]])
        #expect(sites.count == 2)
        let csv = try String(contentsOf: reco.appendingPathComponent("recommandation.csv"), encoding: .utf8)
        for site in sites { #expect(csv.contains(site["code"] as? String ?? "?"), "\(site) not in recommandation.csv") }
        #expect(recommendation["au_dela_apres"] as? Int == sites.last?["au_dela_apres"] as? Int)
    }

    @Test func gammesQuietPrintsOnlyTheCSV() throws {
        let result = try ZonegriseBinary.run(["gammes", "--populations", "geodata/demo/populations.csv", "--equipment", "geodata/demo/bpe.csv.gz", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("typequ,"))
    }
}
