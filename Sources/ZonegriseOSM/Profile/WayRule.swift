/// How a car may use one OSM way, as a `CarProfile` decides from its tags.
///
/// Forward is the order of the way's nodes. A direction that is not allowed still has a
/// speed (the one it would have), so that tests and reports can show it.
public struct WayRule: Hashable, Sendable {
    /// May a car drive in the order of the nodes?
    public var forward: Bool
    /// May a car drive against the order of the nodes?
    public var backward: Bool
    /// Speed in km/h along the nodes, after `maxspeed`, factors and the cap, before the
    /// peak-hour factor (which acts on times).
    public var forwardSpeedKmh: Double
    /// Speed in km/h against the nodes (differs when `maxspeed:backward` is tagged).
    public var backwardSpeedKmh: Double
    /// True for a `route=ferry` way.
    public var isFerry: Bool
    /// A ferry's crossing time for the whole way in seconds, from its `duration` tag; each
    /// segment then takes its share by length, and the speeds are not used.
    public var durationSeconds: Double?
    /// Tags that could not be read and were replaced by a default (counted as warnings).
    public var issues: WayIssues

    public init(forward: Bool, backward: Bool, forwardSpeedKmh: Double, backwardSpeedKmh: Double,
                isFerry: Bool = false, durationSeconds: Double? = nil, issues: WayIssues = []) {
        self.forward = forward
        self.backward = backward
        self.forwardSpeedKmh = forwardSpeedKmh
        self.backwardSpeedKmh = backwardSpeedKmh
        self.isFerry = isFerry
        self.durationSeconds = durationSeconds
        self.issues = issues
    }
}
