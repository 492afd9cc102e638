/// One OpenStreetMap node as read from a file: its id, its WGS84 position in degrees and,
/// only when the read asked for them, its tags.
package struct OSMNode: Hashable, Sendable {
    package var id: Int64
    /// WGS84 longitude, degrees east.
    package var longitude: Double
    /// WGS84 latitude, degrees north.
    package var latitude: Double
    /// The node's tags, or empty when the read did not ask for node tags (most nodes of a
    /// road network have none; building the dictionaries would dominate the read).
    package var tags: [String: String]

    package init(id: Int64, longitude: Double, latitude: Double, tags: [String: String] = [:]) {
        self.id = id
        self.longitude = longitude
        self.latitude = latitude
        self.tags = tags
    }
}
