import Foundation
import Testing

/// `zonegrise gammes` derives the gamme table from national files and prints it as CSV.
@Suite("CLI: gammes")
struct GammesCommandTests {
    @Test func demoFilesGiveAnEditableTable() throws {
        let result = try ZonegriseBinary.run(["gammes", "--populations", "geodata/demo/populations.csv",
                                              "--equipment", "geodata/demo/bpe.csv.gz"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "typequ,gamme,service,communes_avec_type,population_apparition,note")
        #expect(lines.count > 10)
        var gammes: Set<String> = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 4, "\(line)")
            #expect(fields[0].count == 4, "TYPEQU \(fields[0])")
            #expect(["proximite", "intermediaire", "superieure"].contains(fields[1]), "\(line)")
            gammes.insert(fields[1])
        }
        #expect(gammes.count == 3)
        // The rule and the sizes on standard error, not in the CSV.
        #expect(result.stderr.hasPrefix("Gammes derived ("), "\(result.stderr)")
        #expect(!result.stdout.contains("Gammes derived"))
    }

    /// The demo's inputs with the gammes derived (no `gammes` key) or read from `gammesFile`.
    static func demoManifest(gammesFile: String?) -> String {
        let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo").path
        return """
            name: "Demo, gammes \(gammesFile == nil ? "derived" : "from zonegrise gammes")"
            analysis_area: ["99"]
            service_area: ["98"]
            communes:
              files: [\(demo)/communes-99.geojson, \(demo)/communes-98.geojson]
              code_property: INSEE_COM
              name_property: NOM
            populations: \(demo)/populations.csv
            equipment: \(demo)/bpe.csv.gz
            \(gammesFile.map { "gammes:\n  file: \($0)" } ?? "")
            time_model:
              kind: crowfly
            service_layers:
              - name: france_services
                file: \(demo)/france-services.csv
                threshold: 30

            """
    }

    /// The printed table, saved and named in `gammes.file`, gives the analysis of the run
    /// that derives the gammes itself: the same zone grise figures and commune rows (only
    /// `source_gammes` says `table` instead of `derivees`); and the table round-trips (the
    /// derived run writes the same table, the table run writes back its three columns).
    @Test func printedTableReadBackGivesTheDerivedAnalysis() throws {
        let folder = try CLIScratch.folder("gammes-roundtrip")
        defer { CLIScratch.remove(folder) }
        let printed = try ZonegriseBinary.run(["gammes", "--populations", "geodata/demo/populations.csv",
                                               "--equipment", "geodata/demo/bpe.csv.gz"])
        try #require(printed.status == 0, "\(printed.stderr)")
        let table = folder.appendingPathComponent("gammes.csv")
        try Data(printed.stdout.utf8).write(to: table)
        for (name, gammes) in [("derived", nil), ("table", table.path)] as [(String, String?)] {
            try Data(Self.demoManifest(gammesFile: gammes).utf8).write(to: folder.appendingPathComponent("\(name).yaml"))
            let run = try ZonegriseBinary.run(["analyse", folder.appendingPathComponent("\(name).yaml").path,
                                               "--out", folder.appendingPathComponent("out-\(name)").path])
            try #require(run.status == 0, "\(name): \(run.stderr)")
        }
        func text(_ run: String, _ file: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("out-\(run)/\(file)"), encoding: .utf8)
        }
        // Zone grise figures: equal but for the last column.
        func withoutSource(_ csv: String, column: String) -> [String] {
            let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            guard let index = lines.first?.firstIndex(of: column) else { return ["no column \(column)"] }
            return lines.map { fields in fields.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: ",") }
        }
        let derivedSummary = try text("derived", "zones_grises.csv"), tableSummary = try text("table", "zones_grises.csv")
        #expect(derivedSummary.contains(",derivees\n") && tableSummary.contains(",table\n"), "\(derivedSummary)\n\(tableSummary)")
        #expect(withoutSource(derivedSummary, column: "source_gammes") == withoutSource(tableSummary, column: "source_gammes"))
        #expect(withoutSource(try text("derived", "communes.csv"), column: "source_gammes")
                == withoutSource(try text("table", "communes.csv"), column: "source_gammes"))
        #expect(withoutSource(derivedSummary, column: "source_gammes").count == 5, "3 gammes and 1 layer")
        // The table round-trips.
        #expect(try text("derived", "gammes.csv") == printed.stdout, "the derived run's gammes.csv is the printed table")
        let threeColumns = printed.stdout.split(separator: "\n").map { line in
            line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).prefix(3).joined(separator: ",")
        }
        #expect(try text("table", "gammes.csv").split(separator: "\n").map(String.init) == threeColumns)
    }

    @Test func missingEquipmentFile() throws {
        let result = try ZonegriseBinary.run(["gammes", "--populations", "geodata/demo/populations.csv", "--equipment", "geodata/demo/absent.csv"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "zonegrise: error: geodata/demo/absent.csv: cannot read the file: no such file.\n")
    }
}
