import ZonegriseCore

/// Counts of one extraction, for the run's report and warnings.
public struct RoadExtractionReport: Hashable, Sendable {
    /// The file read and the profile's name and fingerprint.
    public var file: String
    public var profileName: String
    public var profileFingerprint: String
    /// Objects in the file: all ways (first pass), all nodes (second pass).
    public var waysRead = 0
    public var nodesRead = 0
    /// Ways with a `highway` tag, and ways kept as drivable (ferries included).
    public var highwayWays = 0
    public var drivableWays = 0
    public var ferryWays = 0
    /// Kept ways whose nodes are not all in the file (an extract clipped at its border),
    /// the distinct missing node ids, and the segments skipped because of them.
    public var waysWithMissingNodes = 0
    public var missingNodes = 0
    public var skippedSegments = 0
    /// Tags the profile could not read.
    public var profileWarnings = CarProfileWarnings()
    /// Seconds spent in each pass and in building the edges.
    public var waysPassSeconds = 0.0
    public var nodesPassSeconds = 0.0
    public var buildSeconds = 0.0

    public init(file: String, profileName: String, profileFingerprint: String) {
        self.file = file
        self.profileName = profileName
        self.profileFingerprint = profileFingerprint
    }

    /// One sentence per thing skipped or replaced, for the run's warnings.
    public var warnings: [String] { runWarnings.map(\.message) }

    /// The same as values: what was skipped or replaced, how many ways, examples.
    public var runWarnings: [RunWarning] {
        var result: [RunWarning] = []
        if waysWithMissingNodes > 0 {
            result.append(RunWarning(.roadNodesMissing, file: file, count: waysWithMissingNodes,
                                     message: "\(file): \(waysWithMissingNodes) road way(s) refer to \(missingNodes) node(s) absent from the file (an extract clipped at its border?); \(skippedSegments) segment(s) touching them were skipped"))
        }
        for (count, message) in profileWarnings.counted {
            result.append(RunWarning(.roadTagsReplaced, file: file, count: count, examples: profileWarnings.examples,
                                     message: "\(file): \(message)"))
        }
        return result
    }
}
