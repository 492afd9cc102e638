import Foundation
import ZonegriseCore

/// One `zonegrise compare`: the territory loaded and analysed once (the base), each
/// scenario evaluated on the same prepared state, and the comparison files written all
/// or nothing with a run manifest listing the scenario files among the inputs.
public struct ComparisonRun: Sendable {
    public var configuration: AnalysisConfiguration
    /// The scenario files, in the order their rows are written.
    public var scenarioPaths: [String]
    public var outputDirectory: String
    /// Where the long steps report their fractions as they run (nil: nowhere).
    public var progress: ProgressReporter?
    /// The outputs besides `manifest.json` (the output seam).
    public var writers: [any OutputWriter]

    /// The comparison files of docs/SCENARIOS.md, in the order the manifest lists them.
    public static let standardWriters: [any OutputWriter] = [
        ComparisonCSVOutput(), ComparisonSubdivisionsCSVOutput(), TransitionsCSVOutput(), SitesCSVOutput(), ComparisonGeoJSONOutput(), ComparisonGeoPackageOutput(), ReportOutput(),
    ]

    public init(configuration: AnalysisConfiguration, scenarioPaths: [String], outputDirectory: String,
                progress: ProgressReporter? = nil, writers: [any OutputWriter] = ComparisonRun.standardWriters) {
        self.configuration = configuration
        self.scenarioPaths = scenarioPaths
        self.outputDirectory = outputDirectory
        self.progress = progress
        self.writers = writers
    }

    public struct Report: Sendable {
        /// The base analysis.
        public var base: AnalysisResult
        /// Each scenario evaluated, in the order given.
        public var outcomes: [ScenarioOutcome]
        public var outputs: [String]
        public var warnings: [RunWarning]
        public var warningMessages: [String] { warnings.map(\.message) }
        public var timings: StageTimings
        /// The gamme table used (given or derived).
        public var gammes: GammeTable
    }

    public func execute() async throws -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        var run = AnalysisRun(configuration: configuration, outputDirectory: outputDirectory, progress: progress, writers: writers)
        run.extraInputs = scenarioPaths
        let configuration = self.configuration
        let paths = scenarioPaths
        let scenarioWarnings = Warnings()
        // Layer files named by the scenarios: detected (a scenario declares no encoding).
        let encodings = InputEncodingLog()
        // The scenario files are read once the territory is loaded and before anything
        // (the road graph cache included) is written: a bad scenario writes nothing.
        var (analysed, scenarios) = try await run.analyse { territory in
            let scenarios = try encodings.run {
                try paths.map { try ScenarioFile(path: $0, configuration: configuration, territory: territory, warnings: scenarioWarnings).read() }
            }
            for warning in encodings.warnings(inOrder: encodings.decodings.keys.sorted()) { scenarioWarnings.add(warning) }
            var seen = Set<String>()
            for (path, scenario) in zip(paths, scenarios) where !seen.insert(scenario.name).inserted {
                throw ZonegriseError.invalidParameter(source: FilePaths.absolute(path), key: "name",
                                                      detail: "another scenario of this comparison is also named \(scenario.name)")
            }
            return scenarios
        }
        analysed.warnings.append(contentsOf: scenarioWarnings)
        let prepared = analysed.prepared, base = analysed.searches
        let outcomes: [ScenarioOutcome]
        do {
            outcomes = try await analysed.timings.measureReporting("scenarios", totalUnits: scenarios.count) { stage in
                try await Concurrency.map(scenarios) { scenario in
                    defer { stage?.advance() }
                    return try prepared.evaluate(scenario, base: base)
                }
            }
        } catch let error as TimeModelError {
            throw ZonegriseError.inconsistent(detail: error.description)
        }
        var territory = analysed.territory
        territory.encodings.merge(encodings.encodingNames) { first, _ in first }
        for (path, scenario) in zip(paths, scenarios) {
            territory.files.append((role: "scenario:" + scenario.name, path: FilePaths.absolute(path), vintage: nil))
            for layer in scenario.layers.keys.sorted() {
                for file in scenario.layers[layer]!.sourceFiles {
                    territory.files.append((role: "scenario:\(scenario.name):\(layer)", path: file, vintage: InputFile.year(in: file)))
                }
            }
        }
        let digests = AnalysisRun.digests(of: territory, known: analysed.knownDigests)
        defer { digests.cancel() }
        let shapes = try await run.shapes(of: analysed.result, territory: territory, timings: &analysed.timings, geometry: analysed.geometry)
        let outputs = AnalysisOutputs(result: analysed.result, territory: territory, warnings: analysed.warnings.all, comparisons: outcomes,
                                      polygons: shapes.tables)
        let written = try await analysed.timings.measureReporting("write outputs") {
            try await run.write(outputs, shapes: shapes.complete, model: analysed.model, digests: digests, transaction: analysed.transaction,
                                progress: $0)
        }
        analysed.timings.append(try await shapes.complete.value.timings)
        analysed.timings.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Report(base: analysed.result, outcomes: outcomes, outputs: written, warnings: analysed.warnings.all, timings: analysed.timings,
                      gammes: analysed.territory.input.gammes)
    }
}
