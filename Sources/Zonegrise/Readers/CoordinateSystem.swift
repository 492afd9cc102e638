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
