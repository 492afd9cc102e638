import ZonegriseCore

/// A GeoJSON geometry with its coordinates as planar points.
///
/// A position `[a, b, ...]` becomes `PlanarPoint(x: a, y: b)`: for WGS84 input `x` is the
/// longitude and `y` the latitude in degrees (RFC 7946 order); for a projected `crs`
/// (EPSG:2154) they are metres. Extra values (altitude, measure) are dropped. Rings are
/// kept as written: closure, orientation and validity are checked later, by GEOS.
package indirect enum GeoJSONGeometry: Hashable, Sendable {
    case point(PlanarPoint)
    case multiPoint([PlanarPoint])
    case lineString([PlanarPoint])
    case multiLineString([[PlanarPoint]])
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)
    case geometryCollection([GeoJSONGeometry])

    /// The areal geometry as a multipolygon (a Polygon gives a multipolygon of one);
    /// nil for any other type, including a GeometryCollection of polygons.
    package var asMultiPolygon: MultiPolygon? {
        switch self {
        case let .polygon(polygon): return MultiPolygon(polygons: [polygon])
        case let .multiPolygon(multiPolygon): return multiPolygon
        default: return nil
        }
    }

    /// The point of a Point geometry, nil for any other type.
    package var asPoint: PlanarPoint? {
        if case let .point(point) = self { return point }
        return nil
    }

    /// The GeoJSON `type` name (`"MultiPolygon"`), for messages.
    package var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }
}
