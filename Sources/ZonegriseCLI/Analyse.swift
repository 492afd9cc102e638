import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Analyse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify every commune of a territory manifest and write maps and tables.",
        discussion: """
        Writes communes.geojson, communes.csv, poles.geojson, zones_grises.csv, \
        zones_grises_par_subdivision.csv (with subdivisions), gammes.csv and manifest.json \
        into the output folder, all or nothing. Flags override the manifest's values.
        """
    )

    @Argument(help: "The territory manifest (YAML, docs/MANIFEST.md).")
    var manifest: String

    @Option(name: .shortAndLong, help: "Output folder (created if needed).")
    var out: String

    @Option(help: "Time model: crowfly, matrix or osm.")
    var timeModel: String?
    @Option(help: "Crow-fly speed in km/h.")
    var speedKmh: String?
    @Option(help: "Crow-fly detour factor (road / straight-line distance).")
    var detour: String?
    @Option(help: "Crow-fly intra-commune term: true or false.")
    var intraCommune: String?
    @Option(help: "Origin-destination CSV (origin,destination,minutes) for the matrix model.")
    var matrix: String?
    @Option(help: "OpenStreetMap extract (.osm.pbf or .osm) for the osm model.")
    var osm: String?
    @Option(help: "Car profile (YAML) for the osm model; default: the built-in profiles/car.yaml.")
    var profile: String?
    @Option(help: "Road graph cache file; default: road_graph.zgcache in the output folder.")
    var graphCache: String?
    @Option(help: "Speed of the leg between a place and its nearest road, km/h (osm model).")
    var offroadSpeedKmh: String?
    @Option(help: "Report places farther than this from any road, metres (osm model).")
    var maxSnapMetres: String?
    @Option(help: "Missing matrix pairs: error, crowfly or unreachable.")
    var matrixMissing: String?
    @Option(help: "Zone grise threshold of the gamme de proximité, minutes.")
    var thresholdProximite: String?
    @Option(help: "Zone grise threshold of the gamme intermédiaire, minutes.")
    var thresholdIntermediaire: String?
    @Option(help: "Zone grise threshold of the gamme supérieure, minutes.")
    var thresholdSuperieure: String?
    @Option(help: "strict (time > threshold) or inclusive (time >= threshold).")
    var comparison: String?
    @Option(help: "Band limits in minutes, comma-separated (default 10,20,30).")
    var bands: String?
    @Option(help: "Share of a gamme's types that makes a pole (default 0.5).")
    var poleShare: String?
    @Option(help: "Whether higher poles count for lower gammes: true or false.")
    var poleHierarchy: String?
    @Option(help: "TYPEQU -> gamme table (CSV); replaces the manifest's.")
    var gammes: String?
    @Option(help: "Rows for communes missing from the geometry: error or warn.")
    var unmatchedRows: String?

    @Flag(help: "Print the time of each stage.")
    var timings = false
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() async throws {
        let report = try await failing { () async throws -> AnalysisRun.Report in
            var config = try TerritoryManifest.load(path: manifest)
            let overrides: [(String, String?, String)] = [
                ("time_model.kind", timeModel, "--time-model"), ("time_model.crowfly.speed_kmh", speedKmh, "--speed-kmh"),
                ("time_model.crowfly.detour", detour, "--detour"), ("time_model.crowfly.intra_commune", intraCommune, "--intra-commune"),
                ("time_model.matrix.missing", matrixMissing, "--matrix-missing"),
                ("time_model.osm.offroad_speed_kmh", offroadSpeedKmh, "--offroad-speed-kmh"),
                ("time_model.osm.max_snap_metres", maxSnapMetres, "--max-snap-metres"),
                ("thresholds.proximite", thresholdProximite, "--threshold-proximite"),
                ("thresholds.intermediaire", thresholdIntermediaire, "--threshold-intermediaire"),
                ("thresholds.superieure", thresholdSuperieure, "--threshold-superieure"),
                ("comparison", comparison, "--comparison"), ("bands", bands, "--bands"), ("poles.share", poleShare, "--pole-share"),
                ("poles.hierarchy", poleHierarchy, "--pole-hierarchy"), ("unmatched_rows", unmatchedRows, "--unmatched-rows"),
            ]
            for (key, value, flag) in overrides {
                if let value { try config.apply(key, value: value, source: flag) }
            }
            if let matrix { config.timeModel.matrixFile = absolute(matrix) }
            if let gammes { config.gammes = InputFile(path: absolute(gammes)) }
            if let osm { config.timeModel.osmFile = absolute(osm) }
            if let profile { config.timeModel.osmProfile = absolute(profile) }
            if let graphCache { config.timeModel.osmCache = absolute(graphCache) }
            let progress = TerminalProgress(enabled: !quiet)
            defer { progress.finish() }
            return try await AnalysisRun(configuration: config, outputDirectory: out, progress: progress.callback).execute()
        }
        for warning in report.warningMessages where !quiet { printError("zonegrise: warning: \(warning)") }
        if timings {
            for stage in report.timings.stages {
                printError("  " + stage.name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.3f s", stage.seconds))
            }
            printError("  " + "total".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.3f s", report.timings.totalSeconds))
            printError("  " + "wall (stages overlap)".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.3f s", report.timings.wallSeconds))
        }
        guard !quiet else { return }
        print(summaryText(report))
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
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
        lines.append("")
        lines.append("Outputs in \(out):")
        lines += report.outputs.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
