/// Tags of one way that the profile could not read and replaced by a default.
public struct WayIssues: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A `maxspeed` (or `:forward` / `:backward`) value that is not a speed: the class
    /// speed was used.
    public static let unreadableMaxspeed = WayIssues(rawValue: 1 << 0)
    /// A `oneway` value that is none of yes/true/1, -1/reverse, no/false/0, alternating:
    /// the way's implied direction was used (both ways unless implied one-way).
    public static let unreadableOneway = WayIssues(rawValue: 1 << 1)
    /// A ferry `duration` that is not a duration: the ferry speed was used.
    public static let unreadableDuration = WayIssues(rawValue: 1 << 2)
}
