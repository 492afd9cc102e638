import Foundation
import Testing
@testable import Zonegrise

/// Bad populations and equipment tables stop the run with one sentence naming the file,
/// the line or column and the problem, and nothing is written.
@Suite("Pipeline: population and equipment errors")
struct TabularInputErrorTests {
    @Test func unterminatedQuoteInPopulations() async throws {
        let territory = try PipelineTerritory("csv-quote")
        try territory.write("populations.csv", "code,population\n99001,1200\n99002,300\n\"99003,250\n99004,400\n")
        let (error, text) = await territory.runError()
        let file = territory.path("populations.csv")
        #expect(error == .malformed(file: file, line: 4, detail: "a quoted field opened on this line is never closed (unexpected end of file)"))
        #expect(text == "\(file):4: a quoted field opened on this line is never closed (unexpected end of file).")
        expectNoOutput(territory)
    }

    @Test func strayQuoteInEquipment() async throws {
        let territory = try PipelineTerritory("csv-stray-quote")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n99005,\"P1\"x,2\n")
        let (error, text) = await territory.runError()
        guard case let .malformed(file, line, detail)? = error else {
            Issue.record("expected a malformed error, got \(text)")
            return
        }
        #expect(file == territory.path("bpe.csv"))
        #expect(line == 3)
        #expect(detail.contains("after the closing quote"))
        expectNoOutput(territory)
    }

    @Test func recordWithTooManyFields() async throws {
        let territory = try PipelineTerritory("csv-fields")
        try territory.write("populations.csv", "code,population\n99001,1200\n99002,300,12\n")
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("populations.csv")):3: the record has 3 fields, the header has 2.")
        expectNoOutput(territory)
    }

    @Test func missingPopulationColumn() async throws {
        let territory = try PipelineTerritory("pop-column")
        try territory.write("populations.csv", "code,habitants\n99001,1200\n")
        let (error, text) = await territory.runError()
        let file = territory.path("populations.csv")
        #expect(error == .missingColumn(file: file, column: "population or PMUN or pop or P_POP", available: ["code", "habitants"]))
        #expect(text == "\(file): the header has no column \"population or PMUN or pop or P_POP\" (columns found: code, habitants).")
        expectNoOutput(territory)
    }

    @Test func missingCommuneColumnInPopulations() async throws {
        let territory = try PipelineTerritory("pop-code-column")
        try territory.write("populations.csv", "DEP;LIBELLE;PMUN\n99;Un;1200\n")
        let (error, _) = await territory.runError()
        guard case let .missingColumn(file, column, available)? = error else {
            Issue.record("expected a missing column")
            return
        }
        #expect(file == territory.path("populations.csv"))
        #expect(column.hasPrefix("code or"))
        #expect(available == ["DEP", "LIBELLE", "PMUN"])
        expectNoOutput(territory)
    }

    @Test func missingTypeColumnInEquipment() async throws {
        let territory = try PipelineTerritory("bpe-type-column")
        try territory.write("bpe.csv", "DEPCOM,TYPE_EQUIPEMENT,NB_EQUIP\n99001,P1,1\n")
        let (error, text) = await territory.runError()
        let file = territory.path("bpe.csv")
        #expect(error == .missingColumn(file: file, column: "TYPEQU", available: ["DEPCOM", "TYPE_EQUIPEMENT", "NB_EQUIP"]))
        #expect(text == "\(file): the header has no column \"TYPEQU\" (columns found: DEPCOM, TYPE_EQUIPEMENT, NB_EQUIP).")
        expectNoOutput(territory)
    }

    @Test func missingCountColumnInEquipment() async throws {
        let territory = try PipelineTerritory("bpe-count-column")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU\n99001,P1\n")
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("bpe.csv")): the header has no column \"NB_EQUIP (or LAMBERT_X and LAMBERT_Y for geolocated BPE)\" (columns found: DEPCOM, TYPEQU).")
        expectNoOutput(territory)
    }

    @Test func populationThatIsNotANumber() async throws {
        let territory = try PipelineTerritory("pop-number")
        let rows = PipelineTerritory.populations.map { "\($0.code),\($0.code == "99006" ? "mille" : String($0.population))\n" }
        try territory.write("populations.csv", "code,population\n" + rows.joined())
        let (error, text) = await territory.runError()
        let file = territory.path("populations.csv")
        #expect(error == .invalidValue(file: file, line: 7, field: "population", value: "mille", expected: "a whole number of inhabitants from 0 to 10,000,000"))
        #expect(text == "\(file):7: population is \"mille\", expected a whole number of inhabitants from 0 to 10,000,000.")
        expectNoOutput(territory)
    }

    @Test func negativePopulationAndDecimalCount() async throws {
        let territory = try PipelineTerritory("pop-negative")
        try territory.write("populations.csv", "code,population\n99001,-3\n")
        #expect(await territory.runError().text == "\(territory.path("populations.csv")):2: population is \"-3\", expected a whole number of inhabitants from 0 to 10,000,000.")
        expectNoOutput(territory)

        try territory.write("populations.csv", "code,population\n" + PipelineTerritory.populations.map { "\($0.code),\($0.population)\n" }.joined())
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n99005,P1,1.5\n")
        #expect(await territory.runError().text == "\(territory.path("bpe.csv")):3: NB_EQUIP is \"1.5\", expected a whole number of equipments from 0 to 1,000,000.")
        expectNoOutput(territory)
    }

    @Test func duplicatePopulationRow() async throws {
        let territory = try PipelineTerritory("pop-duplicate")
        try territory.write("populations.csv", "code,population\n99001,1200\n99002,300\n99001,1300\n")
        let file = territory.path("populations.csv")
        #expect(await territory.runError().error == .duplicateCode(file: file, code: "99001", first: "line 2", second: "line 4"))
        expectNoOutput(territory)
    }

    @Test func missingInputFile() async throws {
        let territory = try PipelineTerritory("missing-file")
        try FileManager.default.removeItem(atPath: territory.path("bpe.csv"))
        let (error, text) = await territory.runError()
        #expect(error == .unreadable(file: territory.path("bpe.csv"), reason: "no such file"))
        #expect(text == "\(territory.path("bpe.csv")): cannot read the file: no such file.")
        expectNoOutput(territory)
    }
}
