import ZonegriseCore

/// Reads GeoJSON (RFC 7946, plus the legacy `crs` member) from UTF-8 bytes.
///
/// The file is scanned once with `JSONScanner`; `coordinates` are parsed straight into
/// `PlanarPoint` arrays, never into `JSONValue` trees, which is what makes a 45 MB file of
/// 3 million positions cheap. Properties (small) become `JSONValue`s. Members may come in
/// any order: when `coordinates` precede the `type` that says how to read them, the reader
/// remembers where they start, skips them, and comes back once the type is known.
///
/// Errors: syntax errors are `ZonegriseError.malformed` with the line; a structurally
/// wrong feature (unknown geometry type, wrong nesting for the type, a position with fewer
/// than 2 numbers, properties that are not an object) is `ZonegriseError.invalidFeature`
/// with the 0-based feature index and the line in the detail. A `null` geometry is not an
/// error: the feature's `geometry` is nil.
package enum GeoJSONReader {
    /// Reads a FeatureCollection, a single Feature or a bare geometry (the last two as a
    /// document of one feature, index 0).
    /// - Parameters:
    ///   - bytes: the whole file, UTF-8.
    ///   - file: the name used in error messages.
    /// - Complexity: O(n) in the length of `bytes` (coordinates read before their `type`
    ///   are scanned twice); memory O(positions).
    package static func read(_ bytes: [UInt8], file: String) throws -> GeoJSONDocument {
        try JSONScanner.scan(bytes, file: file) { scanner in try readDocument(&scanner) }
    }

    private static func readDocument(_ scanner: inout JSONScanner) throws -> GeoJSONDocument {
        scanner.skipWhitespace()
        if scanner.isAtEnd { throw scanner.malformed("the file is empty: expected a GeoJSON object") }
        guard scanner.current == UInt8(ascii: "{") else {
            throw scanner.malformed(
                "a GeoJSON file must hold an object (a FeatureCollection, a Feature or a geometry), found \(scanner.describeValueKind())"
            )
        }
        let line = scanner.line
        try scanner.enterObject()
        var typeName: String?
        var crsName: String?
        var features: [GeoJSONFeature]?
        var properties: [String: JSONValue] = [:]
        var geometry: GeoJSONGeometry?
        var members = GeometryMembers(feature: 1)
        var isFirst = true
        while let key = try scanner.nextKey(isFirst: isFirst) {
            isFirst = false
            switch key {
            case "type":
                guard scanner.current == UInt8(ascii: "\"") else {
                    throw scanner.malformed("the top-level \"type\" must be a string, found \(scanner.describeValueKind())")
                }
                let name = try scanner.parseString()
                typeName = name
                members.kind = GeometryKind(rawValue: name)
            case "features":
                features = try readFeatures(&scanner)
            case "crs":
                crsName = try scanner.parseValue()["properties"]?["name"]?.stringValue
            case "geometry":
                geometry = try readGeometryMember(&scanner, feature: 1)
            case "properties":
                properties = try readProperties(&scanner, feature: 1)
            case "coordinates":
                try members.readCoordinates(&scanner)
            case "geometries":
                try members.readGeometries(&scanner)
            default:
                try scanner.skipValue()
            }
        }
        try scanner.expectEnd()

        func topLevelError(_ detail: String) -> ZonegriseError {
            .malformed(file: scanner.file, line: line, detail: detail)
        }
        switch typeName {
        case nil:
            throw topLevelError(
                "the top-level object has no \"type\" member: expected a FeatureCollection, a Feature or a geometry"
            )
        case "FeatureCollection":
            guard let features else { throw topLevelError("the FeatureCollection has no \"features\" member") }
            return GeoJSONDocument(crsName: crsName, features: features)
        case "Feature":
            let feature = GeoJSONFeature(index: 0, line: line, properties: properties, geometry: geometry)
            return GeoJSONDocument(crsName: crsName, features: [feature])
        case let name?:
            guard let kind = GeometryKind(rawValue: name) else {
                throw topLevelError(
                    "the top-level object has type \"\(MessageText.excerpt(name))\": expected FeatureCollection, Feature or a geometry type"
                )
            }
            let bare = try members.finish(kind, &scanner, line: line)
            let feature = GeoJSONFeature(index: 0, line: line, properties: [:], geometry: bare)
            return GeoJSONDocument(crsName: crsName, features: [feature])
        }
    }

    /// Reads the array of a `features` member.
    private static func readFeatures(_ scanner: inout JSONScanner) throws -> [GeoJSONFeature] {
        guard scanner.current == UInt8(ascii: "[") else {
            throw scanner.malformed("\"features\" must be an array, found \(scanner.describeValueKind())")
        }
        try scanner.enterArray()
        var features: [GeoJSONFeature] = []
        while try scanner.hasNextElement(isFirst: features.isEmpty) {
            features.append(try readFeature(&scanner, index: features.count))
        }
        return features
    }

    private static func readFeature(_ scanner: inout JSONScanner, index: Int) throws -> GeoJSONFeature {
        let line = scanner.line
        // Messages number features from 1, as every reader does (`feature.index + 1`).
        let number = index + 1
        guard scanner.current == UInt8(ascii: "{") else {
            throw invalidFeature(number, scanner, "expected a Feature object, found \(scanner.describeValueKind())")
        }
        try scanner.enterObject()
        var properties: [String: JSONValue] = [:]
        var geometry: GeoJSONGeometry?
        var isFirst = true
        while let key = try scanner.nextKey(isFirst: isFirst) {
            isFirst = false
            switch key {
            case "type":
                let name = try readTypeName(&scanner, feature: number)
                guard name == "Feature" else {
                    throw invalidFeature(number, scanner, "has type \"\(MessageText.excerpt(name))\" where a Feature is expected")
                }
            case "geometry":
                geometry = try readGeometryMember(&scanner, feature: number)
            case "properties":
                properties = try readProperties(&scanner, feature: number)
            default:
                try scanner.skipValue()
            }
        }
        return GeoJSONFeature(index: index, line: line, properties: properties, geometry: geometry)
    }

    private static func readProperties(_ scanner: inout JSONScanner, feature: Int) throws -> [String: JSONValue] {
        if try scanner.skipNull() { return [:] }
        guard scanner.current == UInt8(ascii: "{") else {
            throw invalidFeature(feature, scanner, "\"properties\" must be an object or null, found \(scanner.describeValueKind())")
        }
        return try scanner.parseObjectMembers()
    }

    /// Reads the string value of a `type` member inside a feature or geometry.
    static func readTypeName(_ scanner: inout JSONScanner, feature: Int) throws -> String {
        guard scanner.current == UInt8(ascii: "\"") else {
            throw invalidFeature(feature, scanner, "\"type\" must be a string, found \(scanner.describeValueKind())")
        }
        return try scanner.parseString()
    }

    /// A `ZonegriseError.invalidFeature` whose detail ends with the scanner's line.
    static func invalidFeature(_ feature: Int, _ scanner: JSONScanner, _ detail: String) -> ZonegriseError {
        .invalidFeature(file: scanner.file, feature: feature, detail: "\(detail) (line \(scanner.line))")
    }
}
