/// One OpenStreetMap node as read from a file: its id, its WGS84 position in degrees and,
/// only when the read asked for them, its tags.
public struct OSMNode: Hashable, Sendable {
    public var id: Int64
    /// WGS84 longitude, degrees east.
    public var longitude: Double
    /// WGS84 latitude, degrees north.
    public var latitude: Double
    /// The node's tags, or empty when the read did not ask for node tags (most nodes of a
    /// road network have none; building the dictionaries would dominate the read).
    public var tags: [String: String]

    public init(id: Int64, longitude: Double, latitude: Double, tags: [String: String] = [:]) {
        self.id = id
        self.longitude = longitude
        self.latitude = latitude
        self.tags = tags
    }
}
