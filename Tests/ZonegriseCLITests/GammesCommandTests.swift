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

    @Test func missingEquipmentFile() throws {
        let result = try ZonegriseBinary.run(["gammes", "--populations", "geodata/demo/populations.csv", "--equipment", "geodata/demo/absent.csv"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "zonegrise: error: geodata/demo/absent.csv: cannot read the file: no such file.\n")
    }
}
