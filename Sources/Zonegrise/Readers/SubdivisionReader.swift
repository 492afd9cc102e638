import ZonegriseCore
import ZonegriseNative

/// Reads a subdivision scheme (arrondissements, cantons, EPCI): polygons in GeoJSON,
/// each commune assigned by the polygon containing its centre; or a CSV mapping each
/// commune to a subdivision (`commune,code[,nom]`).
struct SubdivisionReader {
    let source: SubdivisionSource
    let engine: GeometryEngine
    let warnings: Warnings

    /// - Parameters:
    ///   - communes: the analysed communes (centres in Lambert-93).
    ///   - unmatched: called with the rows of a CSV naming a commune of a loaded
    ///     département that is not in the geometry (code, first line), for the run's
    ///     `unmatched_rows` policy.
    func read(communes: [Commune], codes: CommuneCodes, unmatched: ([(String, Int)]) throws -> Void = { _ in }) throws -> SubdivisionScheme {
        let file = source.file
        if VectorInputFormat.readsThroughOGR(path: file, declared: source.format) { return try readOGR(communes: communes) }
        let bytes = try InputBytes.read(file)
        var mapping: [String: String] = [:]
        var names: [String: String] = [:]
        if InputBytes.looksLikeJSON(bytes) {
            let document = try GeoJSONReader.read(bytes, file: file)
            let crs = CoordinateSystem(crsName: document.crsName)
            let transformer = try crs.transformerToLambert93(file: file)
            var shapes: [MultiPolygon] = []
            var shapeCodes: [String] = []
            for feature in document.features {
                guard let codeValue = feature.properties[source.codeProperty] else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "no \"\(source.codeProperty)\" property (properties found: \(ZonegriseError.columns(feature.properties.keys.sorted())))")
                }
                guard let code = codeValue.propertyText, !code.allSatisfy(\.isWhitespace) else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "the \"\(source.codeProperty)\" property is \(codeValue == .null ? "null" : "empty"); every subdivision needs its code")
                }
                guard var shape = feature.geometry?.asMultiPolygon else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1, detail: "subdivision \(code) is not a Polygon or MultiPolygon")
                }
                try crs.checkPositions(shape.allPoints, file: file, feature: feature.index + 1, what: "subdivision \(code)")
                if let transformer {
                    do { shape = try transformer.transform(shape) } catch {
                        throw crs.projectionError(file: file, feature: feature.index + 1, what: "subdivision \(code)",
                                                  sample: shape.bounds.map { PlanarPoint(x: $0.maxX, y: $0.maxY) }, error: error)
                    }
                }
                do { shapes.append(try engine.isValid(shape) ? shape : engine.makeValid(shape)) } catch {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "subdivision \(code) is not a usable polygon: \(NativeError.reason(of: error))")
                }
                shapeCodes.append(code)
                names[code] = feature.properties[source.nameProperty]?.propertyText ?? ""
            }
            mapping = try assign(communes, to: shapes, codes: shapeCodes, file: file)
        } else {
            let csv = try CSVReader(bytes: bytes, file: file)
            let communeColumn = try csv.column(anyOf: ["commune", "COM", "codgeo", "code_commune", "insee_com"])
            let codeColumn = try csv.column(anyOf: [source.codeProperty, "code", "subdivision"])
            let nameColumn = csv.optionalColumn(source.nameProperty)
            var unknown: [(String, Int)] = []
            try csv.forEachRecord { record in
                let commune = record.string(communeColumn)
                let code = record.string(codeColumn)
                guard !code.isEmpty else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[codeColumn], value: "", expected: "a subdivision code")
                }
                let match = codes.match(commune)
                if match == .unknown, !unknown.contains(where: { $0.0 == commune }) { unknown.append((commune, record.line)) }
                if case let .commune(c) = match {
                    if let previous = mapping[c], previous != code {
                        throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[codeColumn], value: code,
                                                          expected: "one subdivision per commune (\(c) is already in \(previous))")
                    }
                    mapping[c] = code
                }
                if let nameColumn, !record.isEmpty(nameColumn) { names[code] = record.string(nameColumn) }
            }
            try unmatched(unknown)
            let missing = communes.filter { mapping[$0.code] == nil }
            if !missing.isEmpty {
                warnings.add(RunWarning(.communesWithoutSubdivision, file: file, count: missing.count, examples: missing.prefix(5).map(\.code),
                                        message: "\(file): \(missing.count) analysed commune(s) have no \(source.name) (first: \(missing[0].code)); they are reported as \(SubdivisionScheme.unassigned)"))
            }
        }
        return SubdivisionScheme(name: source.name, subdivisionOfCommune: mapping, names: names)
    }

    /// Each commune to the subdivision whose polygon contains its centre; a warning
    /// counts the communes in none.
    /// - Complexity: O(vertices) to index, then about O(log n) per commune.
    func assign(_ communes: [Commune], to shapes: [MultiPolygon], codes shapeCodes: [String], file: String) throws -> [String: String] {
        let locator: PolygonLocator
        do { locator = try engine.makeLocator(shapes) } catch {
            throw ZonegriseError.malformed(file: file, line: nil, detail: "cannot index the \(source.name) polygons: \(NativeError.reason(of: error))")
        }
        var mapping: [String: String] = [:]
        var outside: [String] = []
        for commune in communes {
            if let index = locator.indexContaining(commune.centre) {
                mapping[commune.code] = shapeCodes[index]
            } else {
                outside.append(commune.code)
            }
        }
        if !outside.isEmpty {
            warnings.add(RunWarning(.communesWithoutSubdivision, file: file, count: outside.count, examples: Array(outside.prefix(5)),
                                    message: "\(file): \(outside.count) commune centre(s) fall in no \(source.name) polygon (first: \(outside[0])); they are reported as \(SubdivisionScheme.unassigned)"))
        }
        return mapping
    }

    /// Subdivision polygons from a Shapefile or GeoPackage (`subdivisions[].layer`, the
    /// `code_property` and `name_property` fields), through OGR, assigned as GeoJSON
    /// polygons are. Features are named by their FID.
    func readOGR(communes: [Commune]) throws -> SubdivisionScheme {
        let file = source.file
        let input = try OGRLayerInput.read(file: file, format: source.format, layer: source.layer, fields: [source.codeProperty, source.nameProperty])
        try input.require(source.codeProperty, key: "subdivisions.code_property")
        var shapes: [MultiPolygon] = []
        var shapeCodes: [String] = []
        var names: [String: String] = [:]
        for record in input.contents.features {
            guard let code = record.values[0], !code.allSatisfy(\.isWhitespace) else {
                throw ZonegriseError.malformed(file: input.label, line: nil,
                                               detail: "FID \(record.fid): the \"\(source.codeProperty)\" field is empty; every subdivision needs its code")
            }
            guard case let .polygons(shape) = record.geometry else {
                throw input.wrongGeometry(record, what: "subdivision \(code)", expected: "a Polygon or MultiPolygon")
            }
            do { shapes.append(try engine.isValid(shape) ? shape : engine.makeValid(shape)) } catch {
                throw ZonegriseError.malformed(file: input.label, line: nil,
                                               detail: "FID \(record.fid): subdivision \(code) is not a usable polygon: \(NativeError.reason(of: error))")
            }
            shapeCodes.append(code)
            names[code] = record.values[1] ?? ""
        }
        let mapping = try assign(communes, to: shapes, codes: shapeCodes, file: file)
        return SubdivisionScheme(name: source.name, subdivisionOfCommune: mapping, names: names)
    }
}
