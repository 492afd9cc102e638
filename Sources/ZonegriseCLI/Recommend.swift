import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend new sites of a service layer that most reduce the population beyond its threshold.",
        discussion: """
        Chooses --k new sites among the candidate communes (every commune of the analysis area, \
        narrowed by --candidates or the filter options), existing sites fixed, by lazy greedy \
        maximal covering; or, with --cover-all, sites until everyone a candidate can bring \
        within the threshold is within it. Writes recommandation.csv, scenario.yaml (ready for \
        zonegrise compare), non_couvrables.csv (--cover-all), the comparison files of that \
        scenario, LISEZMOI.txt and manifest.json, all or nothing (docs/RECOMMENDATION.md).
        """
    )

    @Argument(help: "The territory manifest (YAML, docs/MANIFEST.md).")
    var manifest: String

    /// Used as typed, not made absolute: the summary names the outputs under it.
    @Option(name: .shortAndLong, help: "Output folder (created if needed).")
    var out: String

    @Option(help: "The service layer the sites are for (its name in the manifest).")
    var layer: String
    @Option(help: "Number of sites to choose.")
    var k: Int?
    @Flag(help: "Choose sites until everyone a candidate can bring within the threshold is within it.")
    var coverAll = false

    @Option(help: "Candidates file (YAML, docs/RECOMMENDATION.md): rules, exclusions, minimum distance.")
    var candidates: String?
    @Option(help: "Candidates: at least this many inhabitants.")
    var populationMin: Int?
    @Option(help: "Candidates: at most this many inhabitants.")
    var populationMax: Int?
    @Option(help: "Candidates: these niveaux de pôle only, comma-separated (aucun, proximite, intermediaire, superieure).")
    var poleLevels: String?
    @Option(help: "Candidates: never these communes, comma-separated INSEE codes.")
    var exclude: String?
    @Option(help: "Candidates: at least this far from every existing site of the layer, km.")
    var minDistanceKm: Double?
    @Option(help: "Weights CSV (commune code and a weight column) replacing population in the objective.")
    var weights: String?
    @Option(help: "The weight column of --weights.")
    var weightColumn: String?

    @OptionGroup var overrides: AnalysisOverrides

    @OptionGroup var summary: SummaryOptions

    func validate() throws {
        switch (k, coverAll) {
        case (nil, false): throw ValidationError("give --k N (the number of sites) or --cover-all")
        case (_?, true): throw ValidationError("--k and --cover-all are two objectives: give one")
        case let (k?, false) where k < 1: throw ValidationError("--k must be 1 or more, got \(k)")
        default: break
        }
        if (weights == nil) != (weightColumn == nil) { throw ValidationError("--weights and --weight-column go together") }
        if let minDistanceKm, !(minDistanceKm >= 0 && minDistanceKm * 1000 <= InputLimits.maximumDistanceMetres) {
            throw ValidationError("--min-distance-km must be a distance from 0 to \(InputLimits.text(InputLimits.maximumDistanceMetres / 1000)) km, got \(minDistanceKm)")
        }
    }

    /// The candidates file of the command line, else the manifest's; then the options.
    func filter(manifestCandidates: String?) throws -> CandidateFilter {
        var filter = try (candidates ?? manifestCandidates).map { try CandidateFilterFile.load(path: $0) } ?? CandidateFilter()
        var rule = CandidateFilter.Rule(populationMin: populationMin, populationMax: populationMax)
        if let poleLevels {
            rule.poleLevels = Set(try poleLevels.split(separator: ",").map { word in
                guard let level = PoleLevel(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--pole-levels: \"\(word)\" is not one of \(PoleLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return level
            })
        }
        if rule != CandidateFilter.Rule() {
            // Command-line conditions narrow every rule of the file (or stand alone).
            filter.anyOf = filter.anyOf.isEmpty ? [rule] : filter.anyOf.map { merged($0, rule) }
        }
        if let exclude { filter.excluded.formUnion(exclude.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        if let minDistanceKm { filter.minimumDistanceMetres = max(filter.minimumDistanceMetres, minDistanceKm * 1000) }
        return filter
    }

    func merged(_ a: CandidateFilter.Rule, _ b: CandidateFilter.Rule) -> CandidateFilter.Rule {
        var r = a
        if let min = b.populationMin { r.populationMin = max(a.populationMin ?? min, min) }
        if let max = b.populationMax { r.populationMax = Swift.min(a.populationMax ?? max, max) }
        if let levels = b.poleLevels { r.poleLevels = a.poleLevels.map { $0.intersection(levels) } ?? levels }
        return r
    }

    func run() async throws {
        var config = try TerritoryManifest.load(path: manifest)
        try overrides.apply(to: &config)
        let filter = try filter(manifestCandidates: config.candidatesFile)
        let report = try await summary.withProgress { reporter in
            try await RecommendationRun(configuration: config, layer: layer, objective: k.map { .maximalCovering(k: $0) } ?? .coverAll,
                                        candidates: filter, weights: weights.map { ($0, weightColumn!) },
                                        outputDirectory: out, progress: reporter).execute()
        }
        summary.report(warnings: report.warningMessages, timings: report.timings, text: { summaryText(report) },
                       json: { RunSummaryJSON(command: "recommend", manifestPath: manifest, outputDirectory: out).text(report) })
    }

    func summaryText(_ report: RecommendationRun.Report) -> String {
        let r = report.recommendation
        var lines = ["\(r.candidateCount) candidate communes; \(r.result.evaluations) candidate evaluations (lazy greedy).",
                     "Beyond \(r.layer)'s threshold before: \(r.result.beyondWeightBefore) (\(r.weightName)).", "",
                     "rank  commune  name                              gain   still beyond"]
        for (rank, site) in r.result.sites.enumerated() {
            let nom = r.communes.first { $0.code == site.place.communeCode }?.nom ?? ""
            lines.append(String(format: "%4d  %@    %@ %8d %14d", rank + 1, site.place.communeCode as NSString,
                                nom.padding(toLength: 32, withPad: " ", startingAt: 0) as NSString, site.gainWeight, site.beyondWeightAfter))
        }
        if !r.result.uncoverable.isEmpty {
            lines.append("")
            lines.append("\(r.result.uncoverable.count) commune(s) no candidate can bring within the threshold (non_couvrables.csv).")
        }
        lines.append("")
        lines.append("Outputs in \(out):")
        lines += report.outputs.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
