import ArgumentParser
import Zonegrise
import ZonegriseCore

/// The manifest values a command line can override, for every command that runs an
/// analysis (`analyse`; later `compare`, `recommend`, `serve`) through `@OptionGroup`.
///
/// Values are kept as typed and checked by the library when applied to a configuration
/// (`apply(to:)`), with the rules and sentences of the manifest reader, so a wrong value
/// reads the same from a flag and from a manifest (`--threshold-proximite:
/// thresholds.proximite: "abc" is not a number.`). `validate()` holds the checks that
/// involve two options of the command line.
struct AnalysisOverrides: ParsableArguments {
    @Option(help: "Time model: crow fly, an origin-destination matrix or OpenStreetMap roads.")
    var timeModel: ChoiceArgument<TimeModelConfiguration.Kind>?
    @Option(help: "Crow-fly speed in km/h.")
    var speedKmh: String?
    @Option(help: "Crow-fly detour factor (road / straight-line distance).")
    var detour: String?
    @Option(help: "Crow-fly intra-commune term: true or false.")
    var intraCommune: String?
    @Option(help: "Crow-fly minutes added to every trip between two places (before the peak-hour factor).")
    var accessMinutes: String?
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
    @Option(help: "Matrix pairs missing from the file: an error, estimated by crow fly, or unreachable.")
    var matrixMissing: ChoiceArgument<MatrixModel.MissingPairs>?
    @Option(help: "Zone grise threshold of the gamme de proximité, minutes.")
    var thresholdProximite: String?
    @Option(help: "Zone grise threshold of the gamme intermédiaire, minutes.")
    var thresholdIntermediaire: String?
    @Option(help: "Zone grise threshold of the gamme supérieure, minutes.")
    var thresholdSuperieure: String?
    @Option(help: "Zone grise when the time is beyond the threshold: strict (time > threshold) or inclusive (time >= threshold).")
    var comparison: ChoiceArgument<ThresholdComparison>?
    @Option(help: "Band limits in minutes, comma-separated (default 10,20,30).")
    var bands: String?
    @Option(help: "Share of a gamme's types that makes a pole (default 0.5).")
    var poleShare: String?
    @Option(help: "Whether higher poles count for lower gammes: true or false.")
    var poleHierarchy: String?
    @Option(help: "TYPEQU -> gamme table (CSV); replaces the manifest's.")
    var gammes: String?
    @Option(help: "Rows for communes missing from the geometry: stop with an error, or skip them with a warning.")
    var unmatchedRows: ChoiceArgument<UnmatchedRows>?
    @Option(help: "Output groups to write, comma-separated: tables, polygones, geopackage, rapport (default: all).")
    var outputs: String?

    /// Options read by one time model only, with that model.
    var modelOptions: [(flag: String, given: Bool, model: TimeModelConfiguration.Kind)] {
        [("--matrix", matrix != nil, .matrix), ("--matrix-missing", matrixMissing != nil, .matrix),
         ("--osm", osm != nil, .osm), ("--profile", profile != nil, .osm), ("--graph-cache", graphCache != nil, .osm),
         ("--offroad-speed-kmh", offroadSpeedKmh != nil, .osm), ("--max-snap-metres", maxSnapMetres != nil, .osm)]
    }

    /// An option of one time model beside `--time-model` naming another is a
    /// contradiction of the command line itself, whatever the manifest says.
    ///
    /// Options given without `--time-model` are not checked here: the model then comes
    /// from the manifest, and an option it does not read is ignored as before. Nor are
    /// single values (an unknown time model among them): `apply(to:)` checks those.
    func validate() throws {
        guard let kind = timeModel?.choice else { return }
        for option in modelOptions where option.given && option.model != kind {
            throw ValidationError("\(option.flag): only the \(option.model.rawValue) time model reads it, and --time-model is \(kind.rawValue)")
        }
    }

    /// Sets the values given on `config`, each checked as the manifest's would be; the
    /// message names the flag. Paths are made absolute against the current directory
    /// (`FilePaths.absolute`), as the manifest's are against its folder.
    func apply(to config: inout AnalysisConfiguration) throws {
        let values: [(key: String, text: String?, flag: String)] = [
            ("time_model.kind", timeModel?.text, "--time-model"), ("time_model.crowfly.speed_kmh", speedKmh, "--speed-kmh"),
            ("time_model.crowfly.detour", detour, "--detour"), ("time_model.crowfly.intra_commune", intraCommune, "--intra-commune"),
            ("time_model.crowfly.access_minutes", accessMinutes, "--access-minutes"),
            ("time_model.matrix.missing", matrixMissing?.text, "--matrix-missing"),
            ("time_model.osm.offroad_speed_kmh", offroadSpeedKmh, "--offroad-speed-kmh"),
            ("time_model.osm.max_snap_metres", maxSnapMetres, "--max-snap-metres"),
            ("thresholds.proximite", thresholdProximite, "--threshold-proximite"),
            ("thresholds.intermediaire", thresholdIntermediaire, "--threshold-intermediaire"),
            ("thresholds.superieure", thresholdSuperieure, "--threshold-superieure"),
            ("comparison", comparison?.text, "--comparison"), ("bands", bands, "--bands"), ("poles.share", poleShare, "--pole-share"),
            ("poles.hierarchy", poleHierarchy, "--pole-hierarchy"), ("unmatched_rows", unmatchedRows?.text, "--unmatched-rows"),
            ("outputs", outputs, "--outputs"),
        ]
        for value in values {
            if let text = value.text { try config.apply(value.key, value: text, source: value.flag) }
        }
        if let matrix { config.timeModel.matrixFile = FilePaths.absolute(matrix) }
        if let gammes { config.gammes = InputFile(path: FilePaths.absolute(gammes)) }
        if let osm { config.timeModel.osmFile = FilePaths.absolute(osm) }
        if let profile { config.timeModel.osmProfile = FilePaths.absolute(profile) }
        if let graphCache { config.timeModel.osmCache = FilePaths.absolute(graphCache) }
    }
}
