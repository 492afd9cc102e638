/// One GeoJSON feature: its properties and geometry, with where it was in the file.
package struct GeoJSONFeature: Sendable {
    /// 0-based position in the file's `features` array, as used in `ZonegriseError.invalidFeature`.
    package var index: Int
    /// 1-based line of the feature's opening `{` (files written on one line give 1 for all).
    package var line: Int
    /// The `properties` member; empty when it is absent or `null`.
    package var properties: [String: JSONValue]
    /// The `geometry` member, or nil when it is `null` or absent (the caller decides
    /// whether that is an error).
    package var geometry: GeoJSONGeometry?

    package init(index: Int, line: Int, properties: [String: JSONValue], geometry: GeoJSONGeometry?) {
        self.index = index
        self.line = line
        self.properties = properties
        self.geometry = geometry
    }
}
