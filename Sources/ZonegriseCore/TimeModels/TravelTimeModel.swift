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
/// Prepare once, query many (OSRM's data layer, pandana's `get_node_ids`): `prepare`
/// does once what does not depend on the targets (for the `osm` model: snapping every
/// origin onto the road network); the prepared model then answers one batch search per
/// target set (a gamme's poles, a layer's sites) and keeps each result, so that a
/// scenario, a candidate evaluation or a server request adds targets to a kept search
/// instead of starting again. Models: `CrowflyModel`, `MatrixModel`, and the road
/// network model of `ZonegriseRouting`.
public protocol TravelTimeModel: Sendable {
    /// Short identifier written to the manifest (`crowfly`, `matrix`, `osm`).
    var kind: String { get }
    /// Every parameter of the model, as text, for the run manifest (sorted keys).
    var parameters: [String: String] { get }

    /// Prepares the model for a fixed list of origins (the analysed communes' centres).
    /// - Complexity: model-specific; O(origins) for the models of this package, plus
    ///   one snap per origin (O(log segments) expected) for the road model.
    func prepare(origins: [Place]) throws -> any PreparedTimeModel
}

extension TravelTimeModel {
    /// For each origin, the fastest target and its time; nil when no target is reachable
    /// within `horizonMinutes` (a model may return times beyond it; nil never means 0).
    /// A target in the origin's own commune at the same point is 0 minutes (centre to
    /// centre convention) unless the model adds an intra-commune term.
    ///
    /// A one-off query: `prepare(origins:)` then one `search`. Prepare once and keep
    /// the prepared model when the same origins are queried again.
    /// - Returns: one element per origin, in order.
    public func nearest(from origins: [Place], to targets: [Place], horizonMinutes: Double) throws -> [NearestTarget?] {
        try prepare(origins: origins).search(to: targets, horizonMinutes: horizonMinutes).nearest
    }
}

/// A time model prepared for one list of origins: the read-only state that every
/// search shares. Immutable and `Sendable`: searches for several gammes, layers or
/// requests may run concurrently on one prepared model (each search has its own
/// buffers).
public protocol PreparedTimeModel: Sendable {
    /// The origins, in the order results are given.
    var origins: [Place] { get }

    /// One batch search: the nearest of `targets` from every origin. The result is kept
    /// by the caller and can be extended with `adding`.
    func search(to targets: [Place], horizonMinutes: Double) throws -> any TargetSearch

    /// The search over `base.targets + added`, computed from `base` without searching
    /// the base targets again: only origins (or road nodes) that an added target
    /// improves change. Target indices of `added` follow those of `base` (the first
    /// added target is `base.targets.count`); on equal times the base target is kept.
    /// - Precondition: `base` was made by this prepared model.
    func adding(_ added: [Place], to base: any TargetSearch) throws -> any TargetSearch

    /// The same model, prepared further for callers that call `adding` many times (the
    /// what-if server, candidate rankings) when that pays: the road model contracts its
    /// degree-2 chains for the searches `adding` runs. Same answers; searches of this
    /// model may be extended by the returned one, and the other way round. Default: the
    /// model itself.
    func forRepeatedAdditions() -> any PreparedTimeModel
}

extension PreparedTimeModel {
    public func forRepeatedAdditions() -> any PreparedTimeModel { self }
}

/// One kept search: the targets, and for every origin its nearest target and time.
/// A model may keep more (per-node times and catchments for the road model) to make
/// `PreparedTimeModel.adding` cheap.
public protocol TargetSearch: Sendable {
    /// The targets searched, in index order.
    var targets: [Place] { get }
    /// The horizon the search was run with, minutes.
    var horizonMinutes: Double { get }
    /// Per origin, the nearest target and its time (unrounded minutes); nil when none is
    /// reachable within the horizon.
    var nearest: [NearestTarget?] { get }
}

/// The plain kept search of models that need nothing more than the answer per origin.
public struct NearestTargets: TargetSearch, Hashable {
    public var targets: [Place]
    public var horizonMinutes: Double
    public var nearest: [NearestTarget?]

    public init(targets: [Place], horizonMinutes: Double, nearest: [NearestTarget?]) {
        self.targets = targets
        self.horizonMinutes = horizonMinutes
        self.nearest = nearest
    }

    /// `base` with `candidates` (one per origin, target indices already offset) kept
    /// where strictly faster.
    /// - Complexity: O(origins).
    public func merging(_ candidates: [NearestTarget?], added: [Place]) -> NearestTargets {
        precondition(candidates.count == nearest.count, "one candidate per origin")
        var merged = nearest
        for (i, candidate) in candidates.enumerated() {
            guard let candidate else { continue }
            if let current = merged[i], current.minutes <= candidate.minutes { continue }
            merged[i] = candidate
        }
        return NearestTargets(targets: targets + added, horizonMinutes: horizonMinutes, nearest: merged)
    }
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
