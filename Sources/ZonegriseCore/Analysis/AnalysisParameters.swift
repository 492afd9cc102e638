/// Every choice the method leaves open, with METHOD.md's defaults.
public struct AnalysisParameters: Hashable, Sendable {
    public var poles: PoleClassifier
    /// Zone grise threshold per gamme, in minutes (10 / 20 / 30).
    public var thresholdMinutes: [Gamme: Double]
    public var comparison: ThresholdComparison
    public var bands: BandScheme

    public init(poles: PoleClassifier = PoleClassifier(),
                thresholdMinutes: [Gamme: Double] = Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, $0.defaultThresholdMinutes) }),
                comparison: ThresholdComparison = .strict,
                bands: BandScheme = BandScheme()) {
        self.poles = poles
        self.thresholdMinutes = thresholdMinutes
        self.comparison = comparison
        self.bands = bands
    }

    public func threshold(_ gamme: Gamme) -> Double { thresholdMinutes[gamme] ?? gamme.defaultThresholdMinutes }
}

/// How a time is compared with a threshold: strictly beyond (default) or at or beyond.
public enum ThresholdComparison: String, CaseIterable, Hashable, Sendable {
    case strict
    case inclusive

    /// Whether `minutes` (nil: unreachable) is beyond `threshold`.
    public func isBeyond(_ minutes: Double?, threshold: Double) -> Bool {
        guard let minutes else { return true }
        switch self {
        case .strict: return minutes > threshold
        case .inclusive: return minutes >= threshold
        }
    }
}

/// Travel-time bands for isochrone-style maps: limits [10, 20, 30] give
/// `0-10`, `10-20`, `20-30`, `30+`. A time equal to a limit falls in the lower band.
public struct BandScheme: Hashable, Sendable {
    /// Increasing positive limits in minutes.
    public var limitsMinutes: [Double]

    public init(limitsMinutes: [Double] = [10, 20, 30]) {
        precondition(zip(limitsMinutes, limitsMinutes.dropFirst()).allSatisfy { $0 < $1 }, "band limits must increase")
        self.limitsMinutes = limitsMinutes
    }

    /// Band index of a time; unreachable (nil) is the last band.
    public func band(of minutes: Double?) -> Int {
        guard let minutes else { return limitsMinutes.count }
        return limitsMinutes.reduce(0) { $0 + (minutes > $1 ? 1 : 0) }
    }

    /// Label of a band index, e.g. `"10-20"` or `"30+"`.
    public func label(_ band: Int) -> String {
        let lower = band == 0 ? "0" : Self.text(limitsMinutes[band - 1])
        return band == limitsMinutes.count ? lower + "+" : lower + "-" + Self.text(limitsMinutes[band])
    }

    public var labels: [String] { (0 ... limitsMinutes.count).map(label) }

    package static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
