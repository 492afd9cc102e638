/// The content of a GeoJSON file (RFC 7946, plus the legacy 2008 `crs` member).
package struct GeoJSONDocument: Sendable {
    /// `crs.properties.name` of the top-level object when present, e.g.
    /// `urn:ogc:def:crs:EPSG::2154` or `urn:ogc:def:crs:OGC:1.3:CRS84`; nil means the
    /// RFC 7946 default, WGS84 longitude/latitude.
    package var crsName: String?
    /// The features in file order. A file holding a single Feature or a bare geometry
    /// gives one feature.
    package var features: [GeoJSONFeature]

    package init(crsName: String?, features: [GeoJSONFeature]) {
        self.crsName = crsName
        self.features = features
    }
}
