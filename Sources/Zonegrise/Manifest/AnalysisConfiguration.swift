import ZonegriseCore

/// Everything a run needs to know, resolved: absolute paths, defaults filled in.
///
/// Built from a territory manifest (`TerritoryManifest`), then command-line flags
/// override single keys through `apply(_:value:source:)`, which validates exactly as
/// the manifest reader does.
public struct AnalysisConfiguration: Hashable, Sendable {
    public var name: String = "zonegrise"
    public var manifestPath: String?
    /// Départements whose communes are classified.
    public var analysisArea: [String] = []
    /// More départements whose poles and sites count (the analysis area always counts).
    public var serviceArea: [String] = []

    public var communes = CommuneSource()
    public var populations = InputFile(path: "")
    public var equipment = InputFile(path: "")
    public var gammes: InputFile?

    public var poleShare: Double = 0.5
    public var poleHierarchy: Bool = true
    public var timeModel = TimeModelConfiguration()
    public var thresholdMinutes: [Gamme: Double] = Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, $0.defaultThresholdMinutes) })
    public var comparison: ThresholdComparison = .strict
    public var bandLimitsMinutes: [Double] = [10, 20, 30]

    public var serviceLayers: [LayerSource] = []
    public var subdivisions: [SubdivisionSource] = []
    /// `zonegrise recommend`: the candidates file (docs/RECOMMENDATION.md) used when the
    /// command line names none.
    public var candidatesFile: String?
    public var unmatchedRows: UnmatchedRows = .error
    /// Sectors below this size are listed apart (`sectors` in the manifest).
    public var sectorMinimum = SectorMinimum()
    /// The output groups written (`outputs`), in `OutputGroup` order.
    public var outputGroups: [OutputGroup] = OutputGroup.allCases
    /// `analyse --sensitivite` (`sensitivity` in the manifest): re-run the
    /// classification under `SensitivityVariant.standard` and write the robustness
    /// flags and ranges (docs/OUTPUTS.md). `compare` and `recommend` ignore it.
    public var sensitivity = false

    public init() {}

    /// All départements loaded: analysis area then service area, without repeats.
    public var loadedDepartements: [String] {
        var seen: Set<String> = []
        return (analysisArea + serviceArea).filter { seen.insert($0).inserted }
    }

    /// The encodings the manifest declares (`encoding` of an input entry), by absolute
    /// path; inputs not listed are detected (UTF-8, else Windows-1252 with a warning).
    public var declaredEncodings: [String: TextEncoding] {
        var found: [String: TextEncoding] = [:]
        func add(_ path: String?, _ encoding: TextEncoding?) {
            if let path, let encoding { found[path] = encoding }
        }
        for file in communes.files { add(file, communes.encoding) }
        add(communes.centres, communes.encoding)
        for input in [populations, equipment] + (gammes.map { [$0] } ?? []) + serviceLayers.map(\.file) { add(input.path, input.encoding) }
        for source in subdivisions { add(source.file, source.encoding) }
        add(timeModel.matrixFile, timeModel.matrixEncoding)
        return found
    }

    public var analysisParameters: AnalysisParameters {
        AnalysisParameters(poles: PoleClassifier(share: poleShare, hierarchy: poleHierarchy),
                           thresholdMinutes: thresholdMinutes, comparison: comparison,
                           bands: BandScheme(limitsMinutes: bandLimitsMinutes))
    }
}

/// A file and the vintage (year) of its data.
public struct InputFile: Hashable, Sendable {
    public var path: String
    /// As given, or the last year (19xx/20xx) found in the path, or nil.
    public var vintage: String?
    /// As declared by the manifest's `encoding` key; nil: detected.
    public var encoding: TextEncoding?

    public init(path: String, vintage: String? = nil, encoding: TextEncoding? = nil) {
        self.path = path
        self.vintage = vintage
        self.encoding = encoding
    }

    /// The vintage given, else the last plausible year in the path (`bpe_ens_2019_…` → 2019).
    public var resolvedVintage: String? { vintage ?? InputFile.year(in: path) }

    static func year(in path: String) -> String? {
        let chars = Array(path)
        var found: String?
        var i = 0
        while i + 4 <= chars.count {
            let slice = chars[i ..< i + 4]
            let before = i == 0 ? " " : chars[i - 1], after = i + 4 == chars.count ? " " : chars[i + 4]
            if slice.allSatisfy(\.isNumber), !before.isNumber, !after.isNumber,
               let year = Int(String(slice)), (1950 ... 2100).contains(year) {
                found = String(slice)
            }
            i += 1
        }
        return found
    }
}

public struct CommuneSource: Hashable, Sendable {
    public var files: [String] = []
    public var codeProperty = "code"
    public var nameProperty = "nom"
    public var vintage: String?
    /// Old code → code it merged into.
    public var fusions: [String: String] = [:]
    /// `communes.cog_file`: INSEE's COG communes file (`v_commune_2024.csv`); communes of
    /// the geometry that it shows as déléguées or associées of another are merged into it.
    public var cogFile: String?
    public var centres: String?
    /// `communes.encoding`: of the polygon files and the centres file; nil: detected.
    public var encoding: TextEncoding?
    /// `communes.layer`: the layer of each Shapefile or GeoPackage; nil: its first layer.
    public var layer: String?
    /// `communes.format`; nil: by extension (`VectorInputFormat`).
    public var format: VectorInputFormat?

    public init() {}

    public var resolvedVintage: String? { vintage ?? files.lazy.compactMap(InputFile.year(in:)).first }
}

public struct TimeModelConfiguration: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case crowfly
        case matrix
        case osm
    }

    public var kind: Kind = .crowfly
    /// Manifest key `convention` (top level): free flow or peak hour (docs/CALIBRATION.md).
    public var convention = TimeConvention.default
    /// Nil: the speed calibrated for the convention and `intraCommune` (`TimeConvention.crowfly`).
    public var speedKmh: Double?
    /// `time_model.crowfly.access_minutes`; nil: the value calibrated for the convention.
    public var accessMinutes: Double?
    public var detour = CrowflyModel.calibratedDetour
    public var intraCommune = CrowflyModel.calibratedIntraCommune
    public var matrixFile: String?
    public var matrixMissing: MatrixModel.MissingPairs = .error
    /// `time_model.matrix.encoding`; nil: detected.
    public var matrixEncoding: TextEncoding?
    /// OpenStreetMap extract (`.osm.pbf` or `.osm`) for the `osm` model.
    public var osmFile: String?
    /// Car profile file; nil for the built-in profile (`profiles/car.yaml`).
    public var osmProfile: String?
    /// Graph cache path; nil for `road_graph.zgcache` in the output folder.
    public var osmCache: String?
    /// Speed of the leg between a place and its nearest road, km/h.
    public var offRoadSpeedKmh = 15.0
    /// Places farther than this from any road are reported, metres.
    public var maxSnapMetres = 1000.0

    public init() {}

    /// The crow-fly model, its times × the convention's peak-hour factor; each of speed and
    /// access minutes not given takes the convention's calibrated value.
    public var crowfly: CrowflyModel {
        let calibrated = convention.crowfly(intraCommune: intraCommune)
        return CrowflyModel(speedKmh: speedKmh ?? calibrated.speedKmh, detour: detour, intraCommune: intraCommune,
                            peakHourFactor: convention.peakHourFactor,
                            accessMinutes: accessMinutes ?? calibrated.accessMinutes)
    }
}

public struct LayerSource: Hashable, Sendable {
    public var name: String
    public var label: String
    public var file: InputFile
    public var thresholdMinutes: Double
    /// `service_layers[].layer`: the layer of a GeoPackage; nil: its first layer.
    public var layer: String?
    /// `service_layers[].format`; nil: by extension, else GeoJSON or CSV by content.
    public var format: VectorInputFormat?

    public init(name: String, label: String, file: InputFile, thresholdMinutes: Double) {
        self.name = name
        self.label = label
        self.file = file
        self.thresholdMinutes = thresholdMinutes
    }
}

public struct SubdivisionSource: Hashable, Sendable {
    public var name: String
    public var file: String
    public var codeProperty = "code"
    public var nameProperty = "nom"
    /// As declared by the manifest's `encoding` key; nil: detected.
    public var encoding: TextEncoding?
    /// The layer of a GeoPackage; nil: its first layer.
    public var layer: String?
    /// nil: by extension, else GeoJSON or CSV by content.
    public var format: VectorInputFormat?

    public init(name: String, file: String) {
        self.name = name
        self.file = file
    }
}

/// What to do with population or equipment rows of a loaded département whose commune
/// is not in the geometry.
public enum UnmatchedRows: String, CaseIterable, Hashable, Sendable {
    /// Stop with an error naming the first row (default: inhabitants would be lost).
    case error
    /// Skip them, with a warning that counts them.
    case warn
}
