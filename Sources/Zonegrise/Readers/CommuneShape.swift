import ZonegriseCore

/// A commune polygon as read, in Lambert-93 metres, with where it came from.
package struct CommuneShape: Sendable {
    package var code: String
    package var nom: String
    package var shape: MultiPolygon
    /// The polygon as read, longitude and latitude in degrees, when its file was in WGS84
    /// and the polygon is kept as read (nil once fused with another commune): the GeoJSON
    /// writers write these positions back instead of projecting `shape` back.
    package var wgs84: MultiPolygon?
    /// `file feature N` for messages.
    package var origin: String
    /// 1-based feature number in its file.
    package var featureNumber: Int = 0
    /// The file it was read from.
    package var file: String = ""
}
