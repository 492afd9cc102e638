import Foundation
import Yams
import ZonegriseCore
import ZonegriseNative
import ZonegriseYAML

/// Reads a scenario file (YAML, docs/SCENARIOS.md) against a loaded territory: checks
/// that it names this territory's manifest as its base, that its layers, sites and
/// communes exist and its positions fall in the territory, and resolves every site to
/// a commune and a Lambert-93 position.
///
/// Every problem is a `ZonegriseError` naming the file, the line and the entry (exit 2
/// in the tool); unknown keys are errors, as in the manifest.
public struct ScenarioFile {
    /// The scenario file.
    public var path: String
    /// The configuration the run loaded: the scenario must name its manifest as base;
    /// its départements and fusions place the sites of a layer file.
    public var configuration: AnalysisConfiguration
    public var territory: LoadedTerritory
    /// Collects what reading a layer file skipped or placed (as for the manifest's layers).
    public var warnings: Warnings

    public init(path: String, configuration: AnalysisConfiguration, territory: LoadedTerritory, warnings: Warnings = Warnings()) {
        self.path = FilePaths.absolute(path)
        self.configuration = configuration
        self.territory = territory
        self.warnings = warnings
    }

    /// - Complexity: one polygon look-up per position given.
    public func read() throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ZonegriseError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or a folder" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UTF8Validation.notUTF8([UInt8](data), file: path, what: "scenario")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ZonegriseError.malformed(file: path, line: YAMLSyntaxError.line(of: error), detail: "not valid YAML: \(YAMLSyntaxError.summary(of: error))")
        }
        guard let root, case .mapping = root else {
            throw ZonegriseError.malformed(file: path, line: root?.mark?.line, detail: "a scenario must be a YAML mapping of keys (see docs/SCENARIOS.md)")
        }
        return try ScenarioReader(file: path, configuration: configuration, territory: territory, warnings: warnings).read(root)
    }
}

/// Walks a scenario's YAML tree (see `ScenarioFile`).
struct ScenarioReader {
    let file: String
    let configuration: AnalysisConfiguration
    let territory: LoadedTerritory
    let warnings: Warnings
    let values: YAMLNodeReader<ZonegriseError>
    let centres: [String: PlanarPoint]
    let locator: PolygonLocator
    let locatorCodes: [String]

    var manifestPath: String? { configuration.manifestPath }

    init(file: String, configuration: AnalysisConfiguration, territory: LoadedTerritory, warnings: Warnings) throws {
        self.file = file
        self.configuration = configuration
        self.territory = territory
        self.warnings = warnings
        values = YAMLNodeReader(file: file) { .invalidParameter(source: $0, key: $1, detail: $2) }
        centres = Dictionary(territory.input.communes.map { ($0.code, $0.centre) }, uniquingKeysWith: { first, _ in first })
        locatorCodes = territory.shapes.keys.sorted()
        do {
            locator = try GeometryEngine().makeLocator(locatorCodes.map { territory.shapes[$0]! })
        } catch {
            throw ZonegriseError.inconsistent(detail: "\(file): cannot index the commune polygons to place the scenario's sites: \(NativeError.reason(of: error))")
        }
    }

    func read(_ root: Node) throws -> Scenario {
        let entries = try values.mapping(root, "", allowed: ["version", "name", "label", "base", "layers", "poles"])
        let byKey = Dictionary(entries, uniquingKeysWith: { first, _ in first })
        for required in ["version", "name", "base"] where byKey[required] == nil {
            throw values.fail(root, required, "missing; a scenario names its version, name and base manifest (see docs/SCENARIOS.md)")
        }
        guard try values.text(byKey["version"]!, "version") == "1" else {
            throw values.fail(byKey["version"], "version", "this zonegrise reads scenario version 1")
        }
        let name = try values.text(byKey["name"]!, "name")
        guard ServiceLayer.isValidName(name) else {
            throw values.fail(byKey["name"], "name", "\"\(name)\" must be lower-case letters, digits and _ (it names columns and rows)")
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let base = FilePaths.absolute(try values.text(byKey["base"]!, "base"), relativeTo: folder)
        if let manifestPath, FilePaths.absolute(manifestPath) != base {
            throw values.fail(byKey["base"], "base", "the scenario applies to \(base), not to the manifest given, \(FilePaths.absolute(manifestPath))")
        }
        var scenario = Scenario(name: name, label: try byKey["label"].map { try values.text($0, "label") } ?? name)
        if let layers = byKey["layers"] {
            let names = territory.input.serviceLayers.map(\.name)
            guard case let .mapping(mapping) = layers else { throw values.fail(layers, "layers", "expected a mapping of layer names to changes") }
            for (key, node) in mapping {
                let layerName = try values.text(key, "layers")
                guard let layer = territory.input.serviceLayers.first(where: { $0.name == layerName }) else {
                    throw values.fail(key, "layers." + layerName,
                                      "no service layer of that name in the manifest (layers: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
                }
                scenario.layers[layerName] = try layerChanges(node, layer: layer, scenario: name)
            }
        }
        if let poles = byKey["poles"] { scenario.poles = try poleChanges(poles) }
        return scenario
    }

    func layerChanges(_ node: Node, layer: ServiceLayer, scenario: String) throws -> LayerChanges {
        let key = "layers." + layer.name
        var changes = LayerChanges()
        let entries = try values.mapping(node, key, allowed: ["file", "add", "remove", "move", "itinerant"])
        let replacing = entries.first { $0.0 == "file" }
        if replacing != nil, let other = entries.first(where: { $0.0 == "remove" || $0.0 == "move" }) {
            throw values.fail(other.1, key + "." + other.0, "a layer file replaces every site of the layer; remove and move do not apply with it")
        }
        var ids = Set(replacing == nil ? layer.sites.map(\.id) : [])
        func newID(_ given: String?, _ node: Node, _ entryKey: String) throws -> String {
            let id = given ?? "\(scenario)-\(ids.count + 1)"
            guard ids.insert(id).inserted else {
                throw values.fail(node, entryKey, "site id \"\(id)\" is already a site of layer \(layer.name); give another id")
            }
            return id
        }
        for (k, v) in entries {
            let full = key + "." + k
            switch k {
            case "file":
                // The layer's sites become those of the file, read as the manifest's layers are.
                let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
                let path = FilePaths.absolute(try values.text(v, full), relativeTo: folder)
                let codes = CommuneCodes(known: Set(territory.shapes.keys), departements: Set(configuration.loadedDepartements),
                                         fusions: territory.fusions)
                let source = LayerSource(name: layer.name, label: layer.label, file: InputFile(path: path), thresholdMinutes: layer.thresholdMinutes)
                let read = try ServiceLayerReader(source: source, codes: codes, centres: centres,
                                                  locate: { locator.indexContaining($0).map { locatorCodes[$0] } }, warnings: warnings).read()
                changes.removed = layer.sites.map(\.id)
                changes.sourceFiles.append(path)
                for site in read.sites {
                    guard ids.insert(site.id).inserted else {
                        throw values.fail(v, full, "site id \"\(site.id)\" appears twice in \(path)")
                    }
                    changes.added.append(site)
                }
            case "add":
                for item in try values.list(v, full) {
                    let fields = try values.mapping(item, full, allowed: ["commune", "id", "name", "longitude", "latitude", "x", "y"])
                    let given = Dictionary(fields, uniquingKeysWith: { first, _ in first })
                    let (commune, point) = try place(item, given, full)
                    let id = try newID(try given["id"].map { try values.text($0, full + ".id") }, item, full)
                    let siteName = try given["name"].map { try values.text($0, full + ".name") } ?? "\(layer.label) \(id)"
                    changes.added.append(ServiceSite(id: id, name: siteName, communeCode: commune, point: point, format: "scenario"))
                }
            case "remove":
                for item in try values.list(v, full) {
                    let id = try values.text(item, full)
                    guard layer.sites.contains(where: { $0.id == id }) else {
                        throw values.fail(item, full, "layer \(layer.name) has no site \"\(id)\"")
                    }
                    changes.removed.append(id)
                }
            case "move":
                for item in try values.list(v, full) {
                    let fields = try values.mapping(item, full, allowed: ["id", "commune", "longitude", "latitude", "x", "y"])
                    let given = Dictionary(fields, uniquingKeysWith: { first, _ in first })
                    guard let idNode = given["id"] else { throw values.fail(item, full + ".id", "missing: which site moves") }
                    let id = try values.text(idNode, full + ".id")
                    guard let existing = layer.sites.first(where: { $0.id == id }) else {
                        throw values.fail(idNode, full + ".id", "layer \(layer.name) has no site \"\(id)\"")
                    }
                    let (commune, point) = try place(item, given, full)
                    var moved = existing
                    moved.communeCode = commune
                    moved.point = point
                    changes.moved.append(moved)
                }
            default:
                for service in try values.list(v, full) {
                    let fields = Dictionary(try values.mapping(service, full, allowed: ["name", "stops"]), uniquingKeysWith: { first, _ in first })
                    let serviceName = try fields["name"].map { try values.text($0, full + ".name") } ?? "itinérant \(changes.itinerant.count + 1)"
                    guard let stopsNode = fields["stops"] else { throw values.fail(service, full + ".stops", "missing: the communes the service calls at") }
                    var stops: [ItinerantStop] = []
                    for stop in try values.list(stopsNode, full + ".stops") {
                        let stopKey = full + ".stops"
                        let given = Dictionary(try values.mapping(stop, stopKey, allowed: ["commune", "id", "longitude", "latitude", "x", "y", "days"]),
                                               uniquingKeysWith: { first, _ in first })
                        let (commune, point) = try place(stop, given, stopKey)
                        let id = try newID(try given["id"].map { try values.text($0, stopKey + ".id") }, stop, stopKey)
                        let days = try given["days"].map { try values.list($0, stopKey + ".days").map { try values.text($0, stopKey + ".days") } } ?? []
                        stops.append(ItinerantStop(site: ServiceSite(id: id, name: "\(serviceName) (\(commune))", communeCode: commune, point: point,
                                                                     format: "itinerant"), days: days))
                    }
                    changes.itinerant.append(ItinerantService(name: serviceName, stops: stops))
                }
            }
        }
        return changes
    }

    /// The commune and Lambert-93 position of an entry: the commune's centre, or the
    /// position given (longitude/latitude in WGS84, or x/y in Lambert-93), which must
    /// fall in a commune of the territory (the commune, when not given, is that one).
    func place(_ node: Node, _ given: [String: Node], _ key: String) throws -> (String, PlanarPoint) {
        var commune: String?
        if let codeNode = given["commune"] {
            let code = try values.text(codeNode, key + ".commune")
            guard centres[code] != nil else {
                throw values.fail(codeNode, key + ".commune", "commune \(code) is not in the territory's communes (analysis and service areas)")
            }
            commune = code
        }
        var point: PlanarPoint?
        switch (given["longitude"], given["latitude"], given["x"], given["y"]) {
        case (nil, nil, nil, nil):
            break
        case let (lon?, lat?, nil, nil):
            let lonValue = try values.number(lon, key + ".longitude"), latValue = try values.number(lat, key + ".latitude")
            guard InputLimits.isWGS84(x: lonValue, y: latValue) else {
                throw values.fail(lon, key, "(\(lonValue), \(latValue)) is not a longitude and a latitude in degrees")
            }
            do { point = try CoordinateTransformer.wgs84ToLambert93().transform(PlanarPoint(x: lonValue, y: latValue)) } catch {
                throw values.fail(lon, key, "(\(lonValue), \(latValue)) cannot be projected to Lambert-93: \(NativeError.reason(of: error))")
            }
        case let (nil, nil, x?, y?):
            let xValue = try values.number(x, key + ".x"), yValue = try values.number(y, key + ".y")
            guard InputLimits.isLambert93(x: xValue, y: yValue) else {
                throw values.fail(x, key, "(\(BandScheme.text(xValue)), \(BandScheme.text(yValue))) is outside \(CoordinateSystem.lambert93.rangeText)")
            }
            point = PlanarPoint(x: xValue, y: yValue)
        default:
            throw values.fail(node, key, "give a position as longitude and latitude (WGS84) or as x and y (Lambert-93), both of them")
        }
        if let point {
            guard let index = locator.indexContaining(point) else {
                throw values.fail(node, key, "the position (\(BandScheme.text(point.x.rounded())), \(BandScheme.text(point.y.rounded()))) in Lambert-93 is outside the territory's communes")
            }
            let found = locatorCodes[index]
            if let commune, commune != found {
                throw values.fail(node, key, "the position lies in commune \(found), not in \(commune)")
            }
            return (found, point)
        }
        guard let commune else { throw values.fail(node, key, "name a commune, a position, or both") }
        return (commune, centres[commune]!)
    }

    func poleChanges(_ node: Node) throws -> PoleChanges {
        var changes = PoleChanges()
        for (k, v) in try values.mapping(node, "poles", allowed: ["add", "remove"]) {
            let full = "poles." + k
            for item in try values.list(v, full) {
                let given = Dictionary(try values.mapping(item, full, allowed: ["commune", "gammes"]), uniquingKeysWith: { first, _ in first })
                guard let codeNode = given["commune"], let gammesNode = given["gammes"] else {
                    throw values.fail(item, full, "each entry names a commune and its gammes")
                }
                let code = try values.text(codeNode, full + ".commune")
                guard centres[code] != nil else {
                    throw values.fail(codeNode, full + ".commune", "commune \(code) is not in the territory's communes (analysis and service areas)")
                }
                var gammes: Set<Gamme> = []
                for g in try values.list(gammesNode, full + ".gammes") {
                    let text = try values.text(g, full + ".gammes")
                    guard let gamme = Gamme(rawValue: text) else {
                        throw values.fail(g, full + ".gammes", "\"\(text)\" is not one of \(Gamme.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    gammes.insert(gamme)
                }
                if k == "add" { changes.added[code, default: []].formUnion(gammes) } else { changes.removed[code, default: []].formUnion(gammes) }
            }
        }
        return changes
    }
}
