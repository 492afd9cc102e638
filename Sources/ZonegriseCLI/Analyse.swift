import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Analyse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify every commune of a territory manifest and write maps and tables.",
        discussion: """
        Writes communes.geojson, communes.csv, poles.geojson, zones_grises.csv, \
        zones_grises_par_subdivision.csv (with subdivisions), gammes.csv, LISEZMOI.txt (what \
        each file is, in French) and manifest.json into the output folder, all or nothing. \
        Flags override the manifest's values. On a terminal a progress bar shows the time \
        left (not in a pipe, nor with CI set or TERM=dumb).
        """
    )

    @Argument(help: "The territory manifest (YAML, docs/MANIFEST.md).")
    var manifest: String

    /// Used as typed, not made absolute: the summary names the outputs under it.
    @Option(name: .shortAndLong, help: "Output folder (created if needed).")
    var out: String

    @OptionGroup var overrides: AnalysisOverrides

    @Flag(name: .customLong("sensitivite"),
          help: "Re-run the classification with times x0.85 and x1.15 and pole shares 0.4 and 0.6, and flag each commune's zone grise as robust or fragile (zone_grise_G_robuste).")
    var sensitivite = false

    @OptionGroup var summary: SummaryOptions

    func run() async throws {
        var config = try TerritoryManifest.load(path: manifest)
        try overrides.apply(to: &config)
        if sensitivite { config.sensitivity = true }
        let report = try await execute(config)
        summary.report(warnings: report.warningMessages, timings: report.timings, text: { summaryText(report) },
                       json: { RunSummaryJSON(command: "analyse", manifestPath: manifest, outputDirectory: out).text(report) })
    }

    /// Runs the analysis, showing its progress on a terminal.
    func execute(_ config: AnalysisConfiguration) async throws -> AnalysisRun.Report {
        try await summary.withProgress { reporter in
            try await AnalysisRun(configuration: config, outputDirectory: out, progress: reporter).execute()
        }
    }

    func summaryText(_ report: AnalysisRun.Report) -> String {
        let result = report.result
        let population = result.communes.reduce(0) { $0 + $1.population }
        var lines = ["\(result.communes.count) communes analysed, \(population) inhabitants; \(result.poles.count) poles in the service area."]
        if report.gammes.isDerived {
            lines.append("Gammes derived from the national equipment (no table given): "
                + Gamme.allCases.map { "\(report.gammes.size(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
                + " types; see gammes.csv.")
        }
        lines.append("")
        lines.append("gamme / layer           threshold   communes   inhabitants   share")
        for row in result.summaries {
            lines.append(row.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %7.0f min %10d %13d %6.1f %%", row.thresholdMinutes, row.communes, row.population, row.populationSharePercent))
        }
        if let sensitivity = report.sensitivity {
            lines.append("")
            lines.append("Sensitivity (" + sensitivity.variants.map(\.name).joined(separator: ", ") + "): fragile communes "
                + Gamme.allCases.map { gamme in "\(sensitivity.robustness[gamme]!.filter { $0 == .fragile }.count) \(gamme.rawValue)" }
                .joined(separator: ", ") + ".")
        }
        lines.append("")
        lines.append("Outputs in \(out):")
        lines += report.outputs.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
