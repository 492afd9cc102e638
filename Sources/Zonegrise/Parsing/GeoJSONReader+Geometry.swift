import ZonegriseCore

/// Geometry objects and typed coordinate arrays.
extension GeoJSONReader {
    /// The seven GeoJSON geometry types, by their `type` name (case-sensitive, RFC 7946 §3.1).
    enum GeometryKind: String {
        case point = "Point"
        case multiPoint = "MultiPoint"
        case lineString = "LineString"
        case multiLineString = "MultiLineString"
        case polygon = "Polygon"
        case multiPolygon = "MultiPolygon"
        case geometryCollection = "GeometryCollection"

        /// What the `coordinates` must look like, for errors.
        var shape: String {
            switch self {
            case .point: return "a position [x, y]"
            case .multiPoint, .lineString: return "an array of positions"
            case .multiLineString: return "an array of line strings (arrays of positions)"
            case .polygon: return "an array of linear rings (arrays of positions)"
            case .multiPolygon: return "an array of polygons (arrays of linear rings)"
            case .geometryCollection: return "absent (a GeometryCollection has \"geometries\")"
            }
        }
    }

    /// The geometry members of one object, gathered in whatever order they come.
    struct GeometryMembers {
        let feature: Int
        /// Set as soon as `type` has been read.
        var kind: GeometryKind?
        /// The parsed coordinates, when `type` came before them.
        private var parsed: GeoJSONGeometry?
        /// Where the coordinates start, when they came before `type`.
        private var deferred: JSONScanner.Mark?
        private var geometries: [GeoJSONGeometry]?

        init(feature: Int) {
            self.feature = feature
        }

        /// Reads a `coordinates` value now if the type is known, else notes where it is.
        mutating func readCoordinates(_ scanner: inout JSONScanner) throws {
            if let kind, kind != .geometryCollection {
                parsed = try GeoJSONReader.readCoordinates(kind, &scanner, feature: feature)
                deferred = nil
            } else {
                deferred = scanner.mark
                parsed = nil
                try scanner.skipValue()
            }
        }

        /// Reads a `geometries` array (each element is self-describing, so order does not matter).
        mutating func readGeometries(_ scanner: inout JSONScanner) throws {
            guard scanner.current == UInt8(ascii: "[") else {
                throw GeoJSONReader.invalidFeature(
                    feature, scanner, "\"geometries\" must be an array, found \(scanner.describeValueKind())"
                )
            }
            try scanner.enterArray()
            var elements: [GeoJSONGeometry] = []
            while try scanner.hasNextElement(isFirst: elements.isEmpty) {
                elements.append(try GeoJSONReader.readGeometryObject(&scanner, feature: feature))
            }
            geometries = elements
        }

        /// The geometry of type `kind` from the members read; `line` is the object's line.
        /// Deferred coordinates are parsed here, and the scanner is put back where it was.
        func finish(_ kind: GeometryKind, _ scanner: inout JSONScanner, line: Int) throws -> GeoJSONGeometry {
            let file = scanner.file, feature = feature
            let missing = { (member: String) in
                ZonegriseError.invalidFeature(
                    file: file, feature: feature,
                    detail: "the \(kind.rawValue) has no \"\(member)\" member (line \(line))"
                )
            }
            if kind == .geometryCollection {
                guard let geometries else { throw missing("geometries") }
                return .geometryCollection(geometries)
            }
            if let parsed { return parsed }
            guard let deferred else { throw missing("coordinates") }
            let end = scanner.mark
            scanner.restore(deferred)
            let geometry = try GeoJSONReader.readCoordinates(kind, &scanner, feature: feature)
            scanner.restore(end)
            return geometry
        }
    }

    /// Reads a `geometry` member: an object, or `null` (nil).
    static func readGeometryMember(_ scanner: inout JSONScanner, feature: Int) throws -> GeoJSONGeometry? {
        if try scanner.skipNull() { return nil }
        guard scanner.current == UInt8(ascii: "{") else {
            throw invalidFeature(feature, scanner, "\"geometry\" must be an object or null, found \(scanner.describeValueKind())")
        }
        return try readGeometryObject(&scanner, feature: feature)
    }

    /// Reads a geometry object (`{"type": ..., "coordinates": ...}` or a GeometryCollection).
    static func readGeometryObject(_ scanner: inout JSONScanner, feature: Int) throws -> GeoJSONGeometry {
        let line = scanner.line
        guard scanner.current == UInt8(ascii: "{") else {
            throw invalidFeature(feature, scanner, "expected a geometry object, found \(scanner.describeValueKind())")
        }
        try scanner.enterObject()
        var members = GeometryMembers(feature: feature)
        var isFirst = true
        while let key = try scanner.nextKey(isFirst: isFirst) {
            isFirst = false
            switch key {
            case "type":
                let name = try readTypeName(&scanner, feature: feature)
                guard let kind = GeometryKind(rawValue: name) else {
                    throw invalidFeature(feature, scanner, "unknown geometry type \"\(MessageText.excerpt(name))\"")
                }
                members.kind = kind
            case "coordinates":
                try members.readCoordinates(&scanner)
            case "geometries":
                try members.readGeometries(&scanner)
            default:
                try scanner.skipValue()
            }
        }
        guard let kind = members.kind else {
            throw ZonegriseError.invalidFeature(
                file: scanner.file, feature: feature, detail: "the geometry has no \"type\" member (line \(line))"
            )
        }
        return try members.finish(kind, &scanner, line: line)
    }

    /// Reads the `coordinates` value at the scanner for a geometry of type `kind`.
    /// - Complexity: O(length of the value's text), no intermediate trees.
    static func readCoordinates(_ kind: GeometryKind, _ scanner: inout JSONScanner, feature: Int) throws -> GeoJSONGeometry {
        let reader = CoordinateReader(kind: kind, feature: feature)
        switch kind {
        case .point:
            return .point(try reader.position(&scanner))
        case .multiPoint:
            return .multiPoint(try reader.positions(&scanner))
        case .lineString:
            return .lineString(try reader.positions(&scanner))
        case .multiLineString:
            return .multiLineString(try reader.lines(&scanner))
        case .polygon:
            return .polygon(Polygon(rings: try reader.lines(&scanner)))
        case .multiPolygon:
            return .multiPolygon(MultiPolygon(polygons: try reader.polygons(&scanner)))
        case .geometryCollection:
            preconditionFailure("a GeometryCollection has no coordinates")
        }
    }

    /// Reads nested coordinate arrays of a known depth, naming the geometry type in errors.
    struct CoordinateReader {
        let kind: GeometryKind
        let feature: Int

        func polygons(_ scanner: inout JSONScanner) throws -> [Polygon] {
            try openArray(&scanner)
            var polygons: [Polygon] = []
            while try scanner.hasNextElement(isFirst: polygons.isEmpty) {
                polygons.append(Polygon(rings: try lines(&scanner)))
            }
            return polygons
        }

        func lines(_ scanner: inout JSONScanner) throws -> [[PlanarPoint]] {
            try openArray(&scanner)
            var lines: [[PlanarPoint]] = []
            while try scanner.hasNextElement(isFirst: lines.isEmpty) {
                lines.append(try positions(&scanner))
            }
            return lines
        }

        func positions(_ scanner: inout JSONScanner) throws -> [PlanarPoint] {
            try openArray(&scanner)
            var points: [PlanarPoint] = []
            while try scanner.hasNextElement(isFirst: points.isEmpty) {
                points.append(try position(&scanner))
            }
            return points
        }

        /// `[x, y, ...]`: at least two numbers, the extra ones (altitude, measure) dropped.
        @inline(__always)
        func position(_ scanner: inout JSONScanner) throws -> PlanarPoint {
            try openArray(&scanner)
            var x = 0.0, y = 0.0, count = 0
            while try scanner.hasNextElement(isFirst: count == 0) {
                let byte = scanner.current
                guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
                    throw nestingError(scanner, expected: "a number")
                }
                let value = try scanner.parseNumber()
                if count == 0 { x = value } else if count == 1 { y = value }
                count += 1
            }
            guard count >= 2 else {
                throw GeoJSONReader.invalidFeature(
                    feature, scanner,
                    "a position has \(count) number\(count == 1 ? "" : "s"), at least 2 are needed (x, y)"
                )
            }
            return PlanarPoint(x: x, y: y)
        }

        @inline(__always)
        private func openArray(_ scanner: inout JSONScanner) throws {
            guard scanner.current == UInt8(ascii: "[") else { throw nestingError(scanner, expected: "an array") }
            try scanner.enterArray()
        }

        /// A wrong value where `expected` should be, or a syntax error when no value is there.
        private func nestingError(_ scanner: JSONScanner, expected: String) -> ZonegriseError {
            guard scanner.isAtValueStart else { return scanner.expectedValueError() }
            return GeoJSONReader.invalidFeature(
                feature, scanner,
                "\(kind.rawValue) coordinates must be \(kind.shape); found \(scanner.describeValueKind()) where \(expected) was expected"
            )
        }
    }
}
