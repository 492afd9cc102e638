import ZonegriseCore

/// A commune polygon as read, in Lambert-93 metres, with where it came from.
public struct CommuneShape: Sendable {
    public var code: String
    public var nom: String
    public var shape: MultiPolygon
    /// `file feature N` for messages.
    public var origin: String
    /// 1-based feature number in its file.
    public var featureNumber: Int = 0
}
