import ZonegriseCore
import ZonegriseNative

/// Reads the sites of a service layer: the ANCT France Services CSV (`latitude`,
/// `longitude`, `insee_com`, `lib_fs`, `format_fs`, `id_fs`) or any GeoJSON of points
/// (WGS84 or with a `crs`; optional `insee_com`/`code` property).
///
/// Keeps the sites of the loaded territory: by their commune code when given (with
/// fusions), else by the commune polygon that contains them. A site without
/// coordinates is placed at its commune's centre.
struct ServiceLayerReader {
    let source: LayerSource
    let codes: CommuneCodes
    /// Commune centres (Lambert-93) by code, for sites without coordinates.
    let centres: [String: PlanarPoint]
    /// Finds the commune containing a point (Lambert-93).
    let locate: (PlanarPoint) -> String?
    let warnings: Warnings

    func read() throws -> ServiceLayer {
        let file = source.file.path
        let raw: [RawSite]
        if VectorInputFormat.readsThroughOGR(path: file, declared: source.format) {
            raw = try readOGR(file: file)
        } else {
            let bytes = try InputBytes.read(file)
            raw = InputBytes.looksLikeJSON(bytes) ? try readGeoJSON(bytes, file: file) : try readCSV(bytes, file: file)
        }
        var sites: [ServiceSite] = []
        var outside = 0, atCentre = 0, located = 0
        var seen: [String: String] = [:]
        for site in raw {
            var commune: String?
            if let code = site.communeCode {
                switch codes.match(code) {
                case let .commune(c), let .arrondissement(of: c): commune = c
                case .outside: outside += 1; continue
                case .unknown: commune = site.point.flatMap(locate)
                }
            } else {
                commune = site.point.flatMap(locate)
                if commune != nil { located += 1 }
            }
            guard let commune else { outside += 1; continue }
            let point: PlanarPoint
            if let given = site.point { point = given } else {
                guard let centre = centres[commune] else { outside += 1; continue }
                point = centre
                atCentre += 1
            }
            if let first = seen[site.id] {
                throw ZonegriseError.malformed(file: file, line: nil,
                                               detail: "site id \(MessageText.excerpt(site.id)) appears twice (\(first) and \(site.origin)); give each site its own id")
            }
            seen[site.id] = site.origin
            sites.append(ServiceSite(id: site.id, name: site.name, communeCode: commune, point: point, format: site.format))
        }
        if atCentre > 0 {
            warnings.add(RunWarning(.sitesAtCommuneCentre, file: file, count: atCentre,
                                    message: "\(file): \(atCentre) site(s) without coordinates placed at their commune's centre"))
        }
        if located > 0 {
            warnings.add(RunWarning(.sitesLocatedByPolygon, file: file, count: located,
                                    message: "\(file): \(located) site(s) without commune code located by the commune polygon containing them"))
        }
        if outside > 0 {
            warnings.add(RunWarning(.sitesOutsideSkipped, file: file, count: outside,
                                    message: "\(file): \(outside) site(s) outside the loaded départements skipped (layer \(source.name))"))
        }
        return ServiceLayer(name: source.name, label: source.label, thresholdMinutes: source.thresholdMinutes,
                            sites: sites.sorted { ($0.communeCode, $0.id) < ($1.communeCode, $1.id) })
    }

    struct RawSite {
        var id: String
        var name: String
        var communeCode: String?
        var point: PlanarPoint?
        var format: String
        var origin: String
    }

    func readCSV(_ bytes: [UInt8], file: String) throws -> [RawSite] {
        let csv = try CSVReader(bytes: bytes, file: file)
        let lat = try csv.column(anyOf: ["latitude", "lat", "y_latitude"])
        let lon = try csv.column(anyOf: ["longitude", "lon", "lng", "x_longitude"])
        let commune = csv.optionalColumn("insee_com") ?? csv.optionalColumn("code_insee") ?? csv.optionalColumn("codgeo")
        let name = csv.optionalColumn("lib_fs") ?? csv.optionalColumn("nom") ?? csv.optionalColumn("name")
        let id = csv.optionalColumn("id_fs") ?? csv.optionalColumn("id")
        let format = csv.optionalColumn("format_fs")
        let toL93 = try CoordinateTransformer.wgs84ToLambert93()
        var sites: [RawSite] = []
        try csv.forEachRecord { record in
            var point: PlanarPoint?
            if !(record.isEmpty(lat) && record.isEmpty(lon)) {
                guard let y = record.double(lat), let x = record.double(lon), (-90 ... 90).contains(y), (-180 ... 180).contains(x) else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "latitude/longitude",
                                                      value: record.string(lat) + ", " + record.string(lon), expected: "WGS84 decimal degrees")
                }
                do { point = try toL93.transform(PlanarPoint(x: x, y: y)) } catch {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "latitude/longitude",
                                                      value: record.string(lat) + ", " + record.string(lon),
                                                      expected: "a position PROJ can project to Lambert-93 (not a pole; in or near France)")
                }
            }
            let code = commune.map { record.string($0) }.flatMap { $0.isEmpty ? nil : $0 }
            guard point != nil || code != nil else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: "latitude/longitude", value: "",
                                                  expected: "coordinates or a commune code for the site")
            }
            sites.append(RawSite(id: id.map { record.string($0) } ?? "line-\(record.line)",
                                 name: name.map { record.string($0) } ?? "", communeCode: code, point: point,
                                 format: format.map { record.string($0) } ?? "", origin: "line \(record.line)"))
        }
        return sites
    }

    func readGeoJSON(_ bytes: [UInt8], file: String) throws -> [RawSite] {
        let document = try GeoJSONReader.read(bytes, file: file)
        let crs = CoordinateSystem(crsName: document.crsName)
        let transformer = try crs.transformerToLambert93(file: file)
        var sites: [RawSite] = []
        for feature in document.features {
            guard let geometry = feature.geometry, var point = geometry.asPoint else {
                throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1, detail: "a service site must be a Point")
            }
            try crs.checkPositions(CollectionOfOne(point), file: file, feature: feature.index + 1, what: "the site")
            if let transformer {
                do { point = try transformer.transform(point) } catch {
                    throw crs.projectionError(file: file, feature: feature.index + 1, what: "the site", sample: point, error: error)
                }
            }
            let p = feature.properties
            func text(_ keys: [String]) -> String? {
                for key in keys { if let value = p[key]?.propertyText, !value.isEmpty { return value } }
                return nil
            }
            sites.append(RawSite(id: text(Self.idKeys) ?? "feature-\(feature.index + 1)",
                                 name: text(Self.nameKeys) ?? "",
                                 communeCode: text(Self.communeKeys), point: point,
                                 format: text(Self.formatKeys) ?? "", origin: "feature \(feature.index + 1)"))
        }
        return sites
    }

    /// The properties (GeoJSON) or fields (OGR, without regard to case) a site's id,
    /// name, commune code and format are taken from: the first one set.
    static let idKeys = ["id_fs", "id", "MATRICULE"]
    static let nameKeys = ["lib_fs", "lib_france_services", "nom", "name"]
    static let communeKeys = ["insee_com", "code_insee", "code"]
    static let formatKeys = ["format_fs", "FORMAT_FS"]

    /// Sites from a Shapefile or GeoPackage point layer (`service_layers[].layer`),
    /// through OGR, in Lambert-93; the same fields as the GeoJSON properties. Features
    /// are named by their FID.
    func readOGR(file: String) throws -> [RawSite] {
        let groups = [Self.idKeys, Self.nameKeys, Self.communeKeys, Self.formatKeys]
        let input = try OGRLayerInput.read(file: file, format: source.format, layer: source.layer, fields: groups.flatMap { $0 })
        var sites: [RawSite] = []
        for record in input.contents.features {
            guard case let .point(point) = record.geometry else {
                throw input.wrongGeometry(record, what: "a service site", expected: "a Point")
            }
            try CoordinateSystem.lambert93.checkPositions(CollectionOfOne(point), file: input.label, feature: Int(record.fid), what: "the site")
            var offset = 0
            var found: [String?] = []
            for keys in groups {
                found.append(record.values[offset ..< offset + keys.count].first { $0.map { !$0.isEmpty } ?? false } ?? nil)
                offset += keys.count
            }
            sites.append(RawSite(id: found[0] ?? "fid-\(record.fid)", name: found[1] ?? "", communeCode: found[2], point: point,
                                 format: found[3] ?? "", origin: "FID \(record.fid)"))
        }
        return sites
    }
}
