/// A place a time model routes from or to: a commune centre, a pole, a site.
public struct Place: Hashable, Sendable {
    /// INSEE code of the commune the place is in (matrix models look times up by it).
    public var communeCode: String
    /// Position in Lambert-93 metres.
    public var point: PlanarPoint
    /// Area of the commune in square metres, for the optional intra-commune term.
    public var communeAreaSquareMetres: Double

    public init(communeCode: String, point: PlanarPoint, communeAreaSquareMetres: Double = 0) {
        self.communeCode = communeCode
        self.point = point
        self.communeAreaSquareMetres = communeAreaSquareMetres
    }
}

/// The answer for one origin: which target is fastest, in how many minutes.
public struct NearestTarget: Hashable, Sendable {
    /// Index into the `targets` array given to the model.
    public var target: Int
    /// Car travel time in minutes.
    public var minutes: Double

    public init(target: Int, minutes: Double) {
        self.target = target
        self.minutes = minutes
    }
}

/// The seam between the analysis and the ways of computing car times (METHOD.md §3).
///
/// One call answers "minutes to the nearest target" for every origin at once, so a
/// model can do one multi-source search per gamme (the `osm` model) instead of an
/// origin × destination matrix. Models: `CrowflyModel`, `MatrixModel`; the road
/// network model plugs in here too.
public protocol TravelTimeModel: Sendable {
    /// Short identifier written to the manifest (`crowfly`, `matrix`, `osm`).
    var kind: String { get }
    /// Every parameter of the model, as text, for the run manifest (sorted keys).
    var parameters: [String: String] { get }

    /// For each origin, the fastest target and its time; nil when no target is reachable
    /// within `horizonMinutes` (a model may return times beyond it; nil never means 0).
    /// A target in the origin's own commune at the same point is 0 minutes (centre to
    /// centre convention) unless the model adds an intra-commune term.
    /// - Returns: one element per origin, in order.
    func nearest(from origins: [Place], to targets: [Place], horizonMinutes: Double) throws -> [NearestTarget?]
}

/// Errors a time model can raise (a missing pair in a matrix, …).
public enum TimeModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The matrix has no time for `count` (origin, destination) pairs; the first is given.
    case missingPairs(file: String, firstOrigin: String, firstDestination: String, count: Int)

    public var description: String {
        switch self {
        case let .missingPairs(file, origin, destination, count):
            return "\(file): no travel time from \(origin) to \(destination)"
                + (count > 1 ? " (and \(count - 1) more missing pairs)" : "")
                + "; add the pairs or set time_model.matrix.missing to crowfly or unreachable"
        }
    }
}
