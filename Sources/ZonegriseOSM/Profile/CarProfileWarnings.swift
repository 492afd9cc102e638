/// Counts of the tags a `CarProfile` could not read over many ways, with a few examples,
/// for the run's warnings.
public struct CarProfileWarnings: Hashable, Sendable {
    /// Ways with an unreadable `maxspeed` (the class speed was used).
    public private(set) var unreadableMaxspeed = 0
    /// Ways with an unreadable `oneway` (the implied direction was used).
    public private(set) var unreadableOneway = 0
    /// Ferries with an unreadable `duration` (the ferry speed was used).
    public private(set) var unreadableDuration = 0
    /// Up to `exampleLimit` examples per kind: "way 123 maxspeed=\"fast\"".
    public private(set) var examples: [String] = []

    static let exampleLimit = 5

    public init() {}

    public var total: Int { unreadableMaxspeed + unreadableOneway + unreadableDuration }

    /// Counts the issues of one way's rule; `tags` and `wayID` make the examples.
    public mutating func record(_ issues: WayIssues, tags: [String: String], wayID: Int64) {
        if issues.contains(.unreadableMaxspeed) {
            unreadableMaxspeed += 1
            if unreadableMaxspeed <= Self.exampleLimit {
                let text = ["maxspeed", "maxspeed:forward", "maxspeed:backward"].compactMap { key in
                    tags[key].map { "\(key)=\"\($0)\"" }
                }.joined(separator: " ")
                examples.append("way \(wayID) \(text)")
            }
        }
        if issues.contains(.unreadableOneway) {
            unreadableOneway += 1
            if unreadableOneway <= Self.exampleLimit {
                examples.append("way \(wayID) oneway=\"\(tags["oneway"] ?? tags.first { $0.key.hasPrefix("oneway:") }?.value ?? "")\"")
            }
        }
        if issues.contains(.unreadableDuration) {
            unreadableDuration += 1
            if unreadableDuration <= Self.exampleLimit {
                examples.append("way \(wayID) duration=\"\(tags["duration"] ?? "")\"")
            }
        }
    }

    /// One sentence per kind that occurred, for the run's warnings.
    public var messages: [String] { counted.map(\.message) }

    /// The same sentences with the number of ways each concerns.
    public var counted: [(count: Int, message: String)] {
        func examplesOf(_ prefix: String) -> String {
            let found = examples.filter { $0.contains(" \(prefix)") }
            return found.isEmpty ? "" : " (e.g. \(found.joined(separator: ", ")))"
        }
        var result: [(count: Int, message: String)] = []
        if unreadableMaxspeed > 0 {
            result.append((unreadableMaxspeed, "\(unreadableMaxspeed) way(s) have a maxspeed that is not a speed; their class speed was used\(examplesOf("maxspeed"))"))
        }
        if unreadableOneway > 0 {
            result.append((unreadableOneway, "\(unreadableOneway) way(s) have an unreadable oneway value; their implied direction was used\(examplesOf("oneway"))"))
        }
        if unreadableDuration > 0 {
            result.append((unreadableDuration, "\(unreadableDuration) ferry way(s) have an unreadable duration; the ferry speed was used\(examplesOf("duration"))"))
        }
        return result
    }
}
