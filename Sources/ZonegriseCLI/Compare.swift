import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios of new, closed or moved sites (and poles) with the base analysis.",
        discussion: """
        Loads the territory once, analyses it, evaluates each scenario file (docs/SCENARIOS.md) \
        on the same prepared state, and writes comparaison.csv, comparaison_par_subdivision.csv \
        (with subdivisions), transitions.csv, sites.csv, comparaison.geojson, resultats.gpkg, \
        rapport.html with its maps (cartes/), LISEZMOI.txt and manifest.json into the output folder, all or nothing. Flags override the manifest's values.
        """
    )

    @Argument(help: "The territory manifest (YAML, docs/MANIFEST.md) the scenarios name as their base.")
    var manifest: String

    @Argument(help: "One or more scenario files (YAML, docs/SCENARIOS.md).")
    var scenarios: [String] = []

    /// Used as typed, not made absolute: the summary names the outputs under it.
    @Option(name: .shortAndLong, help: "Output folder (created if needed).")
    var out: String

    @OptionGroup var overrides: AnalysisOverrides

    @OptionGroup var summary: SummaryOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario file after the manifest") }
    }

    func run() async throws {
        var config = try TerritoryManifest.load(path: manifest)
        try overrides.apply(to: &config)
        let report = try await summary.withProgress { reporter in
            try await ComparisonRun(configuration: config, scenarioPaths: scenarios, outputDirectory: out, progress: reporter).execute()
        }
        summary.report(warnings: report.warningMessages, timings: report.timings, text: { summaryText(report) },
                       json: { RunSummaryJSON(command: "compare", manifestPath: manifest, outputDirectory: out).text(report) })
    }

    func summaryText(_ report: ComparisonRun.Report) -> String {
        var lines = ["\(report.base.communes.count) communes analysed; \(report.outcomes.count) scenario(s) compared with the base."]
        for outcome in report.outcomes {
            lines.append("")
            lines.append("\(outcome.scenario.name) (\(outcome.scenario.label))")
            lines.append("gamme / layer           threshold   beyond before → after (inhabitants)      difference")
            for (before, after) in zip(report.base.summaries, outcome.result.summaries) {
                lines.append(before.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: " %7.0f min %12d → %-12d %+14d", before.thresholdMinutes, before.population, after.population,
                             after.population - before.population))
            }
        }
        lines.append("")
        lines.append("Outputs in \(out):")
        lines += report.outputs.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
