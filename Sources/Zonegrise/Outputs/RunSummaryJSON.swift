import ZonegriseCore

/// `--json`: the machine-readable summary a command prints on standard output instead
/// of its text summary (schema: docs/JSON-SUMMARY.md). One JSON document, members in a
/// fixed order; every member but `timings` depends on the inputs only, so that two runs
/// differ in `timings` alone.
public struct RunSummaryJSON: Sendable {
    /// `analyse`, `compare` or `recommend`.
    public var command: String
    /// The manifest and the output folder as given on the command line.
    public var manifestPath: String
    public var outputDirectory: String

    public init(command: String, manifestPath: String, outputDirectory: String) {
        self.command = command
        self.manifestPath = manifestPath
        self.outputDirectory = outputDirectory
    }

    /// The summary of `zonegrise analyse`.
    public func text(_ report: AnalysisRun.Report) -> String {
        document(base: report.result, gammes: report.gammes, outputs: report.outputs, warnings: report.warnings,
                 timings: report.timings, extra: [])
    }

    /// The summary of `zonegrise compare`: `scenarios` added.
    public func text(_ report: ComparisonRun.Report) -> String {
        document(base: report.base, gammes: report.gammes, outputs: report.outputs, warnings: report.warnings, timings: report.timings,
                 extra: [("scenarios", .array(report.outcomes.map { scenario($0, base: report.base) }))])
    }

    /// The summary of `zonegrise recommend`: `recommendation` and its `scenarios` added.
    public func text(_ report: RecommendationRun.Report) -> String {
        let r = report.recommendation
        let nomByCode = Dictionary(r.communes.map { ($0.code, $0.nom) }, uniquingKeysWith: { first, _ in first })
        let sites: [JSONOutput] = r.result.sites.enumerated().map { rank, site in
            .object([("rang", .int(rank + 1)), ("code", .string(site.place.communeCode)),
                      ("nom", .string(nomByCode[site.place.communeCode] ?? "")), ("gain", .int(site.gainWeight)),
                      ("au_dela_apres", .int(site.beyondWeightAfter))])
        }
        let recommendation: JSONOutput = .object([
            ("couche", .string(r.layer)), ("objectif", .string(r.objective)), ("poids", .string(r.weightName)),
            ("candidats", .int(r.candidateCount)), ("evaluations", .int(r.result.evaluations)),
            ("au_dela_avant", .int(r.result.beyondWeightBefore)), ("au_dela_apres", .int(r.result.beyondWeightAfter)),
            ("sites", .array(sites)), ("non_couvrables", .int(r.result.uncoverable.count)),
        ])
        return document(base: report.base, gammes: report.gammes, outputs: report.outputs, warnings: report.warnings, timings: report.timings,
                        extra: [("recommendation", recommendation), ("scenarios", .array([scenario(report.outcome, base: report.base)]))])
    }

    func document(base: AnalysisResult, gammes: GammeTable, outputs: [String], warnings: [RunWarning], timings: StageTimings,
                  extra: [(String, JSONOutput)]) -> String {
        var members: [(String, JSONOutput)] = [
            ("tool", .object([("name", .string("zonegrise")), ("version", .string(ZonegriseVersion.current))])),
            ("command", .string(command)),
            ("manifest", .string(manifestPath)),
            ("output_folder", .string(outputDirectory)),
            ("communes_analysed", .int(base.communes.count)),
            ("population", .int(base.communes.reduce(0) { $0 + $1.population })),
            ("poles", .int(base.poles.count)),
            ("gammes", .object([("source", .string(gammes.isDerived ? "derivees" : "table")),
                                ("sizes", .object(Gamme.allCases.map { ($0.rawValue, .int(gammes.size(of: $0))) }))])),
            ("summary", .array(base.summaries.map { .object(Self.row($0)) })),
            ("subdivisions", .array(base.subdivisionSummaries.map { row in
                .object([("scheme", .string(row.scheme)), ("code", .string(row.code)), ("nom", .string(row.nom))] + Self.row(row.summary)
                    + [("communes_total", .int(row.summary.totalCommunes)), ("population_total", .int(row.summary.totalPopulation))])
            })),
        ]
        members += extra
        members += [
            ("outputs", .array(outputs.map { .string($0) })),
            ("warnings", .array(warnings.map { .object([("code", .string($0.kind.rawValue)), ("message", .string($0.message))]) })),
            ("timings", .object([
                ("stages", .array(timings.stages.map { .object([("name", .string($0.name)), ("seconds", .number($0.seconds, decimals: 3))]) })),
                ("wall_seconds", .number(timings.wallSeconds, decimals: 3)),
            ])),
        ]
        return JSONOutput.object(members).text(pretty: true)
    }

    /// A summary row as in `zones_grises.csv`: the same numbers, the share rounded to
    /// 2 decimals.
    static func row(_ row: ZoneGriseSummary) -> [(String, JSONOutput)] {
        [("gamme", .string(row.name)), ("kind", .string(Gamme(rawValue: row.name) == nil ? "layer" : "gamme")),
         ("threshold_minutes", .number(row.thresholdMinutes, decimals: 2)), ("communes", .int(row.communes)),
         ("population", .int(row.population)), ("share_pct", .number(row.populationSharePercent, decimals: AnalysisOutputs.shareDecimals))]
    }

    /// One scenario against the base: per gamme and layer, before and after.
    func scenario(_ outcome: ScenarioOutcome, base: AnalysisResult) -> JSONOutput {
        .object([
            ("name", .string(outcome.scenario.name)), ("label", .string(outcome.scenario.label)),
            ("rows", .array(zip(base.summaries, outcome.result.summaries).map { before, after in
                .object([("gamme", .string(before.name)), ("threshold_minutes", .number(before.thresholdMinutes, decimals: 2)),
                         ("communes_before", .int(before.communes)), ("communes_after", .int(after.communes)),
                         ("population_before", .int(before.population)), ("population_after", .int(after.population)),
                         ("population_gain", .int(before.population - after.population)),
                         ("share_pct_before", .number(before.populationSharePercent, decimals: AnalysisOutputs.shareDecimals)),
                         ("share_pct_after", .number(after.populationSharePercent, decimals: AnalysisOutputs.shareDecimals))])
            })),
        ])
    }
}
