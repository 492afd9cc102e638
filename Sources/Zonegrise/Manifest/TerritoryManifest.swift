import Foundation
import Yams
import ZonegriseCore
import ZonegriseYAML

/// Reads a territory manifest (YAML, docs/MANIFEST.md) into an `AnalysisConfiguration`.
///
/// Unknown keys are errors (a typo must not silently fall back to a default); every
/// error names the manifest, the line and the key.
public enum TerritoryManifest {
    public static func load(path given: String) throws -> AnalysisConfiguration {
        // Absolute, so that the run manifest names the file wherever the run started.
        let path = FilePaths.absolute(given)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ZonegriseError.unreadable(file: given, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or a folder" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UTF8Validation.notUTF8([UInt8](data), file: path, what: "manifest")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> AnalysisConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ZonegriseError.malformed(file: path, line: YAMLSyntaxError.line(of: error), detail: "not valid YAML: \(YAMLSyntaxError.summary(of: error))")
        }
        guard let root, case .mapping = root else {
            throw ZonegriseError.malformed(file: path, line: root?.mark?.line, detail: "the manifest must be a YAML mapping of keys (see docs/MANIFEST.md)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var reader = NodeReader(file: path, folder: folder)
        var config = AnalysisConfiguration()
        config.manifestPath = path
        try reader.read(root, into: &config)
        return config
    }
}

/// Walks the YAML tree with the file name for messages.
struct NodeReader {
    let file: String
    let folder: String
    /// The checks and sentences shared with the car profile's reader.
    let values: YAMLNodeReader<ZonegriseError>

    init(file: String, folder: String) {
        self.file = file
        self.folder = folder
        values = YAMLNodeReader(file: file) { .invalidParameter(source: $0, key: $1, detail: $2) }
    }

    func fail(_ node: Node?, _ key: String, _ detail: String) -> ZonegriseError { values.fail(node, key, detail) }

    func mapping(_ node: Node, _ key: String, allowed: [String]) throws -> [(String, Node)] {
        try values.mapping(node, key, allowed: allowed)
    }

    func text(_ node: Node, _ key: String) throws -> String { try values.text(node, key) }

    func path(_ node: Node, _ key: String) throws -> String {
        let value = try text(node, key)
        guard !value.isEmpty else { throw fail(node, key, "the path is empty") }
        return resolve(value)
    }

    /// Manifest paths are relative to the manifest's folder.
    func resolve(_ value: String) -> String {
        FilePaths.absolute(value, relativeTo: folder)
    }

    func number(_ node: Node, _ key: String) throws -> Double {
        let value = try text(node, key)
        return try ConfigurationValues.number(value, key: key, source: node.mark.map { "\(file):\($0.line)" } ?? file)
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        try ConfigurationValues.bool(try text(node, key), key: key, source: node.mark.map { "\(file):\($0.line)" } ?? file)
    }

    func list(_ node: Node, _ key: String) throws -> [Node] { try values.list(node, key) }

    /// An input's `format` key (docs/MANIFEST.md, "Shapefile and GeoPackage inputs").
    func format(_ node: Node, _ key: String) throws -> VectorInputFormat {
        let value = try text(node, key)
        guard let format = VectorInputFormat(rawValue: value) else {
            throw fail(node, key, "\"\(value)\" is not a format zonegrise reads: give \(VectorInputFormat.acceptedNames)")
        }
        return format
    }

    /// An input's `encoding` key (docs/MANIFEST.md).
    func encoding(_ node: Node, _ key: String) throws -> TextEncoding {
        let value = try text(node, key)
        guard let encoding = TextEncoding(name: value) else {
            throw fail(node, key, "\"\(value)\" is not an encoding zonegrise reads: give \(TextEncoding.acceptedNames)")
        }
        return encoding
    }

    func codes(_ node: Node, _ key: String) throws -> [String] {
        try list(node, key).map { try text($0, key) }
    }

    mutating func read(_ root: Node, into config: inout AnalysisConfiguration) throws {
        let top = ["version", "name", "analysis_area", "service_area", "communes", "populations", "equipment", "gammes",
                   "poles", "time_model", "thresholds", "comparison", "bands", "service_layers", "subdivisions", "unmatched_rows",
                   "candidates", "sectors", "outputs", "sensitivity", "convention"]
        let entries = try mapping(root, "", allowed: top)
        let present = Set(entries.map(\.0))
        for required in ["analysis_area", "communes", "populations", "equipment"] where !present.contains(required) {
            throw fail(root, required, "missing; the manifest must name it (see docs/MANIFEST.md)")
        }
        for (key, node) in entries {
            let source = node.mark.map { "\(file):\($0.line)" } ?? file
            switch key {
            case "version":
                guard try text(node, key) == "1" else { throw fail(node, key, "this zonegrise reads manifest version 1") }
            case "name": config.name = try text(node, key)
            case "analysis_area": config.analysisArea = try codes(node, key)
            case "service_area": config.serviceArea = try codes(node, key)
            case "communes":
                if case .scalar = node {
                    config.communes.files = [try path(node, key)]
                    continue
                }
                for (k, v) in try mapping(node, key, allowed: ["files", "code_property", "name_property", "vintage", "fusions", "cog_file", "centres", "encoding", "layer", "format"]) {
                    let full = key + "." + k
                    switch k {
                    case "files": config.communes.files = try list(v, full).map { try path($0, full) }
                    case "code_property": config.communes.codeProperty = try text(v, full)
                    case "name_property": config.communes.nameProperty = try text(v, full)
                    case "vintage": config.communes.vintage = try text(v, full)
                    case "centres": config.communes.centres = try path(v, full)
                    case "cog_file": config.communes.cogFile = try path(v, full)
                    case "encoding": config.communes.encoding = try encoding(v, full)
                    case "layer": config.communes.layer = try text(v, full)
                    case "format": config.communes.format = try format(v, full)
                    default:
                        guard case let .mapping(pairs) = v else { throw fail(v, full, "expected a mapping old code: new code") }
                        var given: [String: String] = [:]
                        for (old, new) in pairs {
                            let oldCode = try text(old, full), newCode = try text(new, full)
                            guard oldCode != newCode else { throw fail(old, full, "commune \(oldCode) merges into itself") }
                            given[oldCode] = newCode
                        }
                        // Chains (A → B, B → C) resolve to the last commune, so that every
                        // reader maps A to C; a cycle is an error, not a missing commune.
                        for old in given.keys.sorted() {
                            var path = [old]
                            var target = given[old]!
                            while let next = given[target] {
                                path.append(target)
                                guard !path.contains(next) else {
                                    throw fail(v, full, "the fusions form a cycle: \((path + [next]).joined(separator: " → "))")
                                }
                                target = next
                            }
                            config.communes.fusions[old] = target
                        }
                    }
                }
                if config.communes.files.isEmpty { throw fail(node, "communes.files", "name at least one GeoJSON, Shapefile or GeoPackage file") }
            case "populations": config.populations = try inputFile(node, key)
            case "equipment": config.equipment = try inputFile(node, key)
            case "gammes": config.gammes = try inputFile(node, key)
            case "poles":
                for (k, v) in try mapping(node, key, allowed: ["share", "hierarchy"]) {
                    switch k {
                    case "share": try config.apply("poles.share", value: try text(v, "poles.share"), source: source)
                    default: config.poleHierarchy = try bool(v, "poles.hierarchy")
                    }
                }
            case "time_model":
                if case .scalar = node {
                    try config.apply("time_model.kind", value: try text(node, key), source: source)
                    continue
                }
                for (k, v) in try mapping(node, key, allowed: ["kind", "crowfly", "matrix", "osm"]) {
                    let vsource = v.mark.map { "\(file):\($0.line)" } ?? file
                    switch k {
                    case "kind": try config.apply("time_model.kind", value: try text(v, "time_model.kind"), source: vsource)
                    case "crowfly":
                        for (ck, cv) in try mapping(v, "time_model.crowfly", allowed: ["speed_kmh", "detour", "intra_commune", "access_minutes"]) {
                            try config.apply("time_model.crowfly." + ck, value: try text(cv, ck), source: cv.mark.map { "\(file):\($0.line)" } ?? file)
                        }
                    case "osm":
                        for (ok, ov) in try mapping(v, "time_model.osm", allowed: ["file", "profile", "cache", "offroad_speed_kmh", "max_snap_metres"]) {
                            let full = "time_model.osm." + ok
                            switch ok {
                            case "file": config.timeModel.osmFile = try path(ov, full)
                            case "profile": config.timeModel.osmProfile = try path(ov, full)
                            case "cache": config.timeModel.osmCache = try path(ov, full)
                            default: try config.apply(full, value: try text(ov, full), source: ov.mark.map { "\(file):\($0.line)" } ?? file)
                            }
                        }
                    default:
                        for (mk, mv) in try mapping(v, "time_model.matrix", allowed: ["file", "missing", "encoding"]) {
                            if mk == "file" { config.timeModel.matrixFile = try path(mv, "time_model.matrix.file") } else if mk == "encoding" {
                                config.timeModel.matrixEncoding = try encoding(mv, "time_model.matrix.encoding")
                            } else {
                                try config.apply("time_model.matrix.missing", value: try text(mv, mk), source: mv.mark.map { "\(file):\($0.line)" } ?? file)
                            }
                        }
                    }
                }
            case "thresholds":
                for (k, v) in try mapping(node, key, allowed: Gamme.allCases.map(\.rawValue)) {
                    try config.apply("thresholds." + k, value: try text(v, k), source: v.mark.map { "\(file):\($0.line)" } ?? file)
                }
            case "comparison": try config.apply("comparison", value: try text(node, key), source: source)
            case "bands":
                try config.apply("bands", value: try list(node, key).map { try text($0, key) }.joined(separator: ","), source: source)
            case "unmatched_rows": try config.apply("unmatched_rows", value: try text(node, key), source: source)
            case "sensitivity": try config.apply("sensitivity", value: try text(node, key), source: source)
            case "convention": try config.apply("convention", value: try text(node, key), source: source)
            case "outputs":
                try config.apply("outputs", value: try list(node, key).map { try text($0, key) }.joined(separator: ","), source: source)
            case "sectors":
                for (k, v) in try mapping(node, key, allowed: ["min_communes", "min_population"]) {
                    try config.apply("sectors." + k, value: try text(v, "sectors." + k), source: v.mark.map { "\(file):\($0.line)" } ?? file)
                }
            case "service_layers":
                for item in try list(node, key) {
                    var name = "", label = "", threshold = 30.0
                    var input: InputFile?
                    var declared: TextEncoding?
                    var layer: String?
                    var format: VectorInputFormat?
                    for (k, v) in try mapping(item, key, allowed: ["name", "label", "file", "threshold", "vintage", "encoding", "layer", "format"]) {
                        let full = key + "." + k
                        switch k {
                        case "name": name = try text(v, full)
                        case "label": label = try text(v, full)
                        case "file": input = InputFile(path: try path(v, full), vintage: input?.vintage)
                        case "vintage": input = InputFile(path: input?.path ?? "", vintage: try text(v, full))
                        case "encoding": declared = try encoding(v, full)
                        case "layer": layer = try text(v, full)
                        case "format": format = try self.format(v, full)
                        default:
                            threshold = try ConfigurationValues.minutes(try text(v, full), key: full, source: values.source(v))
                        }
                    }
                    guard ServiceLayer.isValidName(name) else {
                        throw fail(item, key + ".name", "\"\(name)\" must be lower-case letters, digits and _ (it names output columns)")
                    }
                    guard var input, !input.path.isEmpty else { throw fail(item, key + ".file", "missing for layer \(name)") }
                    input.encoding = declared
                    guard !config.serviceLayers.contains(where: { $0.name == name }) else { throw fail(item, key + ".name", "\(name) is used twice") }
                    var layerSource = LayerSource(name: name, label: label.isEmpty ? name : label, file: input, thresholdMinutes: threshold)
                    layerSource.layer = layer
                    layerSource.format = format
                    config.serviceLayers.append(layerSource)
                }
            case "candidates": config.candidatesFile = try path(node, key)
            case "subdivisions":
                for item in try list(node, key) {
                    var source = SubdivisionSource(name: "", file: "")
                    for (k, v) in try mapping(item, key, allowed: ["name", "file", "code_property", "name_property", "encoding", "layer", "format"]) {
                        let full = key + "." + k
                        switch k {
                        case "name": source.name = try text(v, full)
                        case "file": source.file = try path(v, full)
                        case "code_property": source.codeProperty = try text(v, full)
                        case "encoding": source.encoding = try encoding(v, full)
                        case "layer": source.layer = try text(v, full)
                        case "format": source.format = try format(v, full)
                        default: source.nameProperty = try text(v, full)
                        }
                    }
                    guard ServiceLayer.isValidName(source.name) else {
                        throw fail(item, key + ".name", "\"\(source.name)\" must be lower-case letters, digits and _")
                    }
                    guard !source.file.isEmpty else { throw fail(item, key + ".file", "missing for subdivision \(source.name)") }
                    config.subdivisions.append(source)
                }
            default:
                break
            }
        }
    }

    func inputFile(_ node: Node, _ key: String) throws -> InputFile {
        if case .scalar = node { return InputFile(path: try path(node, key)) }
        var result = InputFile(path: "")
        for (k, v) in try mapping(node, key, allowed: ["file", "vintage", "encoding"]) {
            switch k {
            case "file": result.path = try path(v, key + ".file")
            case "encoding": result.encoding = try encoding(v, key + ".encoding")
            default: result.vintage = try text(v, key + ".vintage")
            }
        }
        guard !result.path.isEmpty else { throw fail(node, key + ".file", "missing") }
        return result
    }
}
