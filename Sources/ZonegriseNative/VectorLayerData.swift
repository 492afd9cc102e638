import ZonegriseCore

/// One layer to write into a vector dataset (`GeoPackageBuilder`): a name, typed
/// fields, one geometry kind, and its features in the order they are to be stored.
/// Coordinates are Lambert-93 metres (EPSG:2154). Pure values: no GDAL here.
package struct VectorLayerData: Sendable {
    package enum GeometryKind: Sendable {
        case point
        case multiPolygon
    }

    package var name: String
    package var geometryKind: GeometryKind
    package var fields: [VectorField]
    package var features: [VectorFeature]

    package init(name: String, geometryKind: GeometryKind, fields: [VectorField], features: [VectorFeature] = []) {
        self.name = name
        self.geometryKind = geometryKind
        self.fields = fields
        self.features = features
    }
}

/// A typed attribute column.
package struct VectorField: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        case string
        /// 64-bit integer (`OFTInteger64`).
        case integer
        /// Double (`OFTReal`).
        case real
        /// An integer 0/1 with OGR's `OFSTBoolean` subtype (GeoPackage BOOLEAN).
        case boolean
    }

    package var name: String
    package var kind: Kind

    package init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// One attribute value; `.null` for an empty cell. Its case must match its field's kind
/// (an `.integer` value is accepted for a `.real` field).
package enum VectorValue: Hashable, Sendable {
    case null
    case string(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
}

/// One feature: one value per field of its layer, in field order, and its geometry
/// (of the layer's kind; an empty `MultiPolygon` is stored as an empty geometry).
package struct VectorFeature: Sendable {
    package enum Geometry: Sendable {
        case point(PlanarPoint)
        case multiPolygon(MultiPolygon)
    }

    package var values: [VectorValue]
    package var geometry: Geometry?

    package init(values: [VectorValue], geometry: Geometry?) {
        self.values = values
        self.geometry = geometry
    }
}
