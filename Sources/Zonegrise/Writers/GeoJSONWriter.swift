import ZonegriseCore

/// Writes RFC 7946 FeatureCollections: WGS84 longitude/latitude with 6 decimals
/// (about 0.1 m), exterior rings counter-clockwise and holes clockwise (right-hand
/// rule), one feature per line so that diffs and `grep` stay usable.
struct GeoJSONWriter {
    /// Degrees are written with this many decimals.
    static let coordinateDecimals = 6

    private var out: [UInt8] = []
    private var count = 0

    /// - Parameter metadata: members written in a `zonegrise` foreign member of the
    ///   collection (RFC 7946 §6.1), e.g. the tool version and whether gammes were derived.
    init(metadata: [(String, JSONOutput)] = []) {
        out.append(contentsOf: Array("{\"type\":\"FeatureCollection\",".utf8))
        if !metadata.isEmpty {
            out.append(contentsOf: Array("\"zonegrise\":".utf8))
            JSONOutput.object(metadata).write(to: &out, pretty: false, indent: 0)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: Array("\"features\":[".utf8))
    }

    /// A run of features with no collection around them, to be rendered concurrently
    /// with others and joined by `document(metadata:fragments:)`.
    /// - Parameter first: whether the fragment's first feature is the collection's first.
    init(fragmentFirst first: Bool) {
        count = first ? 0 : 1
    }

    /// The features of a fragment, without the collection's head and tail.
    var fragmentBytes: [UInt8] { out }

    /// Joins fragments, in order, into one document: the same bytes as adding every
    /// feature to one writer.
    static func document(metadata: [(String, JSONOutput)], fragments: [[UInt8]]) -> [UInt8] {
        var document = GeoJSONWriter(metadata: metadata)
        document.out.reserveCapacity(document.out.count + fragments.reduce(4) { $0 + $1.count })
        for fragment in fragments { document.out.append(contentsOf: fragment) }
        return document.bytes()
    }

    /// Appends a feature. `shape` is in WGS84 (x = longitude, y = latitude).
    mutating func addFeature(properties: [(String, JSONOutput)], shape: MultiPolygon) {
        beginFeature(properties: properties)
        let polygons = shape.polygons.filter { !$0.exterior.isEmpty }
        if polygons.count == 1 {
            out.append(contentsOf: Array("{\"type\":\"Polygon\",\"coordinates\":".utf8))
            appendPolygon(polygons[0])
        } else {
            out.append(contentsOf: Array("{\"type\":\"MultiPolygon\",\"coordinates\":[".utf8))
            for (i, polygon) in polygons.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendPolygon(polygon)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: Array("}}".utf8))
    }

    mutating func addFeature(properties: [(String, JSONOutput)], point: PlanarPoint) {
        beginFeature(properties: properties)
        out.append(contentsOf: Array("{\"type\":\"Point\",\"coordinates\":".utf8))
        appendPosition(point)
        out.append(contentsOf: Array("}}".utf8))
    }

    private mutating func beginFeature(properties: [(String, JSONOutput)]) {
        out.append(contentsOf: Array((count == 0 ? "\n" : ",\n").utf8))
        count += 1
        out.append(contentsOf: Array("{\"type\":\"Feature\",\"properties\":".utf8))
        JSONOutput.object(properties).write(to: &out, pretty: false, indent: 0)
        out.append(contentsOf: Array(",\"geometry\":".utf8))
    }

    private mutating func appendPolygon(_ polygon: Polygon) {
        out.append(UInt8(ascii: "["))
        for (i, ring) in polygon.rings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            // RFC 7946 §3.1.6: exterior counter-clockwise (positive area), holes clockwise.
            let counterClockwise = Self.signedArea(ring) > 0
            let oriented = counterClockwise == (i == 0) ? ring : ring.reversed()
            out.append(UInt8(ascii: "["))
            for (j, point) in oriented.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                appendPosition(point)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func appendPosition(_ point: PlanarPoint) {
        out.append(UInt8(ascii: "["))
        DecimalText.append(point.x, decimals: Self.coordinateDecimals, to: &out)
        out.append(UInt8(ascii: ","))
        DecimalText.append(point.y, decimals: Self.coordinateDecimals, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Shoelace formula: positive for counter-clockwise rings.
    static func signedArea(_ ring: Ring) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0 ..< ring.count - 1 {
            sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y
        }
        return sum / 2
    }

    /// The finished document.
    func bytes() -> [UInt8] {
        out + Array("\n]}\n".utf8)
    }
}
