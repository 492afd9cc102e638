import ArgumentParser
import Foundation
import Zonegrise

/// The `zonegrise` tool. Its `main()` (ZonegriseCommand+Main.swift) reports every user
/// mistake as one sentence with exit code 2.
@main
struct ZonegriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonegrise",
        abstract: "Zones grises of access to services in a French département.",
        discussion: "Method: docs/METHOD-NOTES.md (INSEE gammes, SDAASP thresholds). Manifest format: docs/MANIFEST.md.",
        version: ZonegriseVersion.current,
        subcommands: [Analyse.self, Compare.self, Recommend.self, Serve.self, Gammes.self, Calibrate.self]
    )
}
