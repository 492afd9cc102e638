import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Gammes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the gammes derived from national equipment and populations, as an editable CSV.",
        discussion: "The rule is in docs/GAMMES.md. Save the output, edit it, and name it in the manifest (gammes.file)."
    )

    @Option(help: "National populations (INSEE populations légales, or code,population).")
    var populations: String
    @Option(help: "National BPE counts (DEPCOM, TYPEQU, NB_EQUIP), plain or .gz.")
    var equipment: String
    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors (the CSV, the command's output, still goes to standard output).")
    var quiet = false

    func run() throws {
        let table = try GammeDerivationCommand.derive(populations: populations, equipment: equipment)
        FileHandle.standardOutput.write(Data(table.csv))
        if !quiet { printError(table.summary) }
    }
}
