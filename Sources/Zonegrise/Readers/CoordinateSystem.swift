import ZonegriseCore
import ZonegriseNative

/// The coordinate reference system of a GeoJSON file, from its legacy `crs` member.
enum CoordinateSystem: Hashable {
    case wgs84
    case lambert93
    case other(String)

    /// RFC 7946 files have no `crs` member and are WGS84; older files name theirs
    /// (`urn:ogc:def:crs:EPSG::2154`, `EPSG:2154`, `urn:ogc:def:crs:OGC:1.3:CRS84`).
    init(crsName: String?) {
        guard let name = crsName?.uppercased() else { self = .wgs84; return }
        if name.hasSuffix("CRS84") || name.hasSuffix(":4326") || name.hasSuffix("::4326") { self = .wgs84; return }
        if name.hasSuffix(":2154") { self = .lambert93; return }
        if let range = name.range(of: "EPSG::") ?? name.range(of: "EPSG:") {
            self = .other("EPSG:" + name[range.upperBound...])
        } else {
            self = .other(crsName!)
        }
    }

    var label: String {
        switch self {
        case .wgs84: return "EPSG:4326"
        case .lambert93: return "EPSG:2154"
        case let .other(name): return name
        }
    }

    /// A transformer to Lambert-93, nil when already there.
    func transformerToLambert93(file: String) throws -> CoordinateTransformer? {
        switch self {
        case .lambert93: return nil
        case .wgs84: return try CoordinateTransformer.wgs84ToLambert93()
        case let .other(name):
            do {
                return try CoordinateTransformer(from: name, to: "EPSG:2154")
            } catch {
                throw ZonegriseError.malformed(file: file, line: nil, detail: "unknown coordinate reference system \(name) in the crs member")
            }
        }
    }

    /// The first position of `points` that cannot be a position of this system: not a
    /// finite number, or outside `InputLimits`' ranges (longitude −180 to 180 and latitude
    /// −90 to 90; the Lambert-93 box; 100,000 km from the origin for another CRS).
    /// - Complexity: O(points).
    func firstImplausible(_ points: some Sequence<PlanarPoint>) -> PlanarPoint? {
        points.first { !isPlausible($0) }
    }

    func isPlausible(_ point: PlanarPoint) -> Bool {
        switch self {
        case .wgs84: return InputLimits.isWGS84(x: point.x, y: point.y)
        case .lambert93: return InputLimits.isLambert93(x: point.x, y: point.y)
        case .other: return InputLimits.isProjected(x: point.x, y: point.y)
        }
    }

    /// The ranges of this system in words, for messages.
    var rangeText: String {
        switch self {
        case .wgs84: return "longitude from -180 to 180 and latitude from -90 to 90 degrees"
        case .lambert93:
            return "Lambert-93 x \(InputLimits.text(InputLimits.lambert93X)) and y \(InputLimits.text(InputLimits.lambert93Y)) metres"
        case let .other(name): return "\(name) coordinates at most \(InputLimits.text(InputLimits.maximumProjectedMetres)) from the origin"
        }
    }

    /// Checks every position of a feature before it is projected (`what`: "commune
    /// 62041", "the site"): a non-finite or out-of-range coordinate is a user error
    /// naming the file, the feature and the position.
    func checkPositions(_ points: some Sequence<PlanarPoint>, file: String, feature: Int, what: String) throws {
        guard let bad = firstImplausible(points) else { return }
        if self == .wgs84, bad.x.isFinite, bad.y.isFinite, abs(bad.x) > 180 || abs(bad.y) > 90 {
            throw ZonegriseError.invalidFeature(file: file, feature: feature,
                                                detail: "\(what) has coordinates like (\(bad.x), \(bad.y)), not longitude/latitude, and the file has no crs member saying which system it uses (Lambert-93 files need \"crs\": EPSG:2154)")
        }
        throw ZonegriseError.invalidFeature(file: file, feature: feature,
                                            detail: "\(what) has the position (\(bad.x), \(bad.y)), outside \(rangeText); fix the coordinates or the crs member")
    }

    /// The user error for a feature whose coordinates PROJ could not take to Lambert-93:
    /// metres in a file without `crs` member (read as degrees), or a point out of range.
    /// `sample` is a coordinate of the feature as read.
    func projectionError(file: String, feature: Int, what: String, sample: PlanarPoint?, error: any Error) -> ZonegriseError {
        if self == .wgs84, let sample, abs(sample.x) > 180 || abs(sample.y) > 90 {
            return .invalidFeature(file: file, feature: feature,
                                   detail: "\(what) has coordinates like (\(sample.x), \(sample.y)), not longitude/latitude, and the file has no crs member saying which system it uses (Lambert-93 files need \"crs\": EPSG:2154)")
        }
        return .invalidFeature(file: file, feature: feature, detail: "\(what) cannot be projected to Lambert-93: \(NativeError.reason(of: error))")
    }
}
