import Foundation
import Synchronization

/// Site recommendation (METHOD.md §5): which of some candidate sites to add to a service
/// layer (or which communes to make poles of a gamme), the existing targets fixed, to
/// bring the most weight within the threshold — inhabitants by default, or any
/// per-origin count (households without a car, people over 75, …).
///
/// Two questions, both answered greedily:
/// - **maximal covering** (`maximalCovering(candidates:ids:count:)`, Church and ReVelle
///   1974): the `count` sites that most reduce the weight beyond the threshold;
/// - **set covering** (`coverAll(candidates:ids:)`, Toregas et al. 1971): few sites that
///   bring within the threshold every origin some candidate can serve; the others are
///   named (`RecommendationResult.uncoverable`).
///
/// An origin is within the threshold as soon as one site is (the time is a minimum over
/// sites), so the weight brought within is a weighted coverage function: monotone and
/// submodular. The greedy choice is then within (1 − 1/e) of the best choice of
/// `count` sites (Nemhauser, Wolsey and Fisher 1978), and a gain computed earlier is an
/// upper bound of the same candidate's gain later. The lazy greedy (CELF, Leskovec et
/// al. 2007, "Cost-effective outbreak detection in networks") keeps those bounds in a
/// max-heap and evaluates again only the candidate on top: when its fresh gain still
/// tops every bound, it is the plain greedy's choice. Ties go to the lower candidate
/// index, so the choice is deterministic and equals the plain greedy's.
///
/// Each evaluation is incremental: `PreparedTimeModel.adding([candidate], to: current)`
/// on the kept search of the sites in place (never a new analysis); the search of the
/// chosen candidate becomes the current one. A gain agrees with a classified run:
/// times are rounded to 0.01 minute and compared by `comparison`, as
/// `PreparedAnalysis.classify` does.
///
/// Immutable and `Sendable`: several recommendations (other candidates, counts,
/// weights) may run concurrently on one value.
public struct SiteRecommendation: Sendable {
    /// The time model prepared for the origins (the analysed communes' centres).
    public let model: any PreparedTimeModel
    /// The kept search of the existing targets (may have none), made by `model`.
    public let base: any TargetSearch
    /// The threshold, minutes.
    public let thresholdMinutes: Double
    /// Strictly beyond the threshold (default) or at or beyond it.
    public let comparison: ThresholdComparison
    /// Non-negative weight of each origin, in the order of `model.origins`.
    public let weights: [Int]
    /// Where the first round (candidates evaluated of all) and the picks (sites of
    /// `count`, or weight brought within of the coverable weight for `coverAll`) are
    /// reported as they go; nil: nowhere.
    public var progress: ProgressReporter?

    /// The smallest horizon, in minutes, that a base search needs for this threshold:
    /// every time that rounds to the threshold or less (below threshold + 0.005) is
    /// measured, with a margin for the road model's whole deciseconds. A search at this
    /// horizon keeps each evaluation of the road model bounded to the threshold.
    public static func horizonMinutes(thresholdMinutes: Double) -> Double {
        thresholdMinutes + 0.01
    }

    /// - Parameters:
    ///   - model: the prepared model of the origins.
    ///   - base: a kept search of the existing targets made by `model`, at a horizon of
    ///     at least `horizonMinutes(thresholdMinutes:)` (an analysis's kept searches
    ///     are: their horizon is twice the largest threshold). For the road model, a
    ///     base searched at exactly that horizon makes each evaluation cheapest.
    ///   - thresholdMinutes: the threshold, minutes.
    ///   - comparison: how times compare with the threshold (`AnalysisParameters.comparison`).
    ///   - weights: one non-negative weight per origin.
    /// - Complexity: O(origins), to check the weights.
    public init(model: any PreparedTimeModel, base: any TargetSearch, thresholdMinutes: Double,
                comparison: ThresholdComparison = .strict, weights: [Int]) {
        precondition(thresholdMinutes.isFinite, "the threshold must be finite")
        precondition(weights.count == model.origins.count, "one weight per origin")
        precondition(base.nearest.count == model.origins.count, "the base search must be one of the model's")
        precondition(weights.allSatisfy { $0 >= 0 }, "weights must not be negative")
        precondition(base.horizonMinutes >= Self.horizonMinutes(thresholdMinutes: thresholdMinutes),
                     "the base search's horizon must reach the threshold (horizonMinutes(thresholdMinutes:))")
        self.model = model
        self.base = base
        self.thresholdMinutes = thresholdMinutes
        self.comparison = comparison
        self.weights = weights
    }

    /// Whether an origin's answer is beyond the threshold: unreachable, or its time
    /// rounded to 0.01 minute (`ZoneGriseAnalysis.roundedMinutes`) beyond it by
    /// `comparison`; the rule of `PreparedAnalysis.classify`.
    public func isBeyond(_ nearest: NearestTarget?) -> Bool {
        comparison.isBeyond(nearest.map { ZoneGriseAnalysis.roundedMinutes($0.minutes) }, threshold: thresholdMinutes)
    }

    /// The origins beyond the threshold in `search`, ascending.
    /// - Complexity: O(origins).
    public func beyondOrigins(of search: any TargetSearch) -> [Int] {
        let nearest = search.nearest
        return nearest.indices.filter { isBeyond(nearest[$0]) }
    }

    /// Maximal covering: up to `count` candidates chosen one at a time, each the one
    /// that brings the largest weight within the threshold given those chosen before
    /// (ties: the lower candidate index). Stops early when no candidate brings any
    /// weight within it.
    ///
    /// - Parameters:
    ///   - candidates: the candidate sites (a commune centre, an address).
    ///   - ids: one identifier per candidate, reported with the chosen sites.
    ///   - count: how many sites to choose at most (k ≥ 0).
    /// - Returns: the sites in pick order with their marginal gains, the origins no
    ///   candidate can serve, the evaluations made and the extended search.
    /// - Throws: what the model's `adding` throws (`TimeModelError.missingPairs`).
    /// - Complexity: the first round evaluates each of the n candidates once; each pick
    ///   after it evaluates again only the candidates whose bound tops the heap (at
    ///   least one, at most those left, as a plain greedy would: O(n·k) evaluations at
    ///   worst). One evaluation is one `adding` of one target — crow-fly: O(origins)
    ///   distances (every origin is looked at, even those farther than
    ///   threshold × speed ÷ detour); matrix: O(origins) look-ups; road: a search
    ///   bounded to the nodes the candidate brings closer within the base's horizon,
    ///   plus O(origins) to read the answers — plus O(origins beyond) to count the gain
    ///   and O(log n) on the heap. Memory: the current search and the best one
    ///   evaluated since the last pick, beside the one being evaluated.
    public func maximalCovering(candidates: [Place], ids: [String], count: Int) throws -> RecommendationResult {
        precondition(count >= 0, "the number of sites to choose must not be negative")
        return try lazyGreedy(candidates: candidates, ids: ids, limit: count, countingOrigins: false)
    }

    /// Set covering: candidates chosen greedily until every origin that some candidate
    /// can bring within the threshold is within it. Each pick is the candidate that
    /// brings the largest weight within it, then the most origins (so that origins of
    /// weight 0 are covered too), then the lower index. The origins no candidate can
    /// bring within the threshold are named in `uncoverable`.
    ///
    /// Greedy set covering is within a factor H(largest gain) ≈ ln(origins) of the
    /// fewest sites (Chvátal 1979), not optimal.
    /// - Parameters:
    ///   - candidates: the candidate sites.
    ///   - ids: one identifier per candidate.
    /// - Throws: what the model's `adding` throws.
    /// - Complexity: as `maximalCovering`, with k the number of sites chosen (at most
    ///   the number of coverable origins beyond the threshold, and n).
    public func coverAll(candidates: [Place], ids: [String]) throws -> RecommendationResult {
        try lazyGreedy(candidates: candidates, ids: ids, limit: Int.max, countingOrigins: true)
    }

    /// The origins of `beyond` (ascending) that `candidate` brings within the threshold
    /// once added to `search`, their weight, and the extended search.
    /// - Complexity: one `adding` of one target, plus O(beyond).
    ///
    /// For the crow-fly model only the origins beyond are looked at (their time to the
    /// candidate against their current one), and the extended search is not built
    /// (`search` is nil: it is built for the chosen candidate only).
    func gain(adding candidate: Place, to search: any TargetSearch, beyond: [Int]) throws
        -> (search: (any TargetSearch)?, broughtWithin: [Int], weight: Int) {
        if let crowfly = model as? PreparedCrowfly {
            let current = search.nearest
            var brought: [Int] = []
            var weight = 0
            for origin in beyond {
                let minutes = crowfly.model.minutes(distanceMetres: crowfly.origins[origin].point.distance(to: candidate.point))
                    + crowfly.intraMinutes[origin]
                // `adding` keeps the current target on equal times.
                if let kept = current[origin], kept.minutes <= minutes { continue }
                if !isBeyond(NearestTarget(target: 0, minutes: minutes)) {
                    brought.append(origin)
                    weight += weights[origin]
                }
            }
            return (nil, brought, weight)
        }
        let extended = try model.adding([candidate], to: search)
        let nearest = extended.nearest
        var brought: [Int] = []
        var weight = 0
        for origin in beyond where !isBeyond(nearest[origin]) {
            brought.append(origin)
            weight += weights[origin]
        }
        return (extended, brought, weight)
    }

    /// One incremental evaluation on any search of this model (for oracle tests).
    /// - Complexity: one `adding` of one target, plus O(origins).
    package func marginalGain(adding candidate: Place, to search: any TargetSearch) throws
        -> (search: any TargetSearch, broughtWithin: [Int], weight: Int) {
        let found = try gain(adding: candidate, to: search, beyond: beyondOrigins(of: search))
        return (try found.search ?? model.adding([candidate], to: search), found.broughtWithin, found.weight)
    }

    /// CELF: bounds in a max-heap, the top evaluated again until a fresh gain tops it.
    /// `countingOrigins` orders equal weights by the number of origins brought within.
    private func lazyGreedy(candidates: [Place], ids: [String], limit: Int, countingOrigins: Bool) throws -> RecommendationResult {
        precondition(candidates.count == ids.count, "one identifier per candidate")
        let beyondBefore = beyondOrigins(of: base)
        let beyondWeightBefore = beyondBefore.reduce(0) { $0 + weights[$1] }
        var current = base
        var beyond = beyondBefore
        var beyondWeight = beyondWeightBefore
        var bounds = CandidateBoundHeap()
        var evaluations = 0
        var sites: [RecommendedSite] = []
        // The best evaluation since the last pick. A fresh top of the heap is exactly
        // this one (fresh bounds are exact, stale ones only larger), so its search
        // becomes the current one without being computed twice.
        var best: (entry: CandidateBoundHeap.Entry, search: (any TargetSearch)?, broughtWithin: [Int])?

        // Evaluates a candidate on the current search; keeps its bound only when it
        // gains something (a gain of zero stays zero: submodularity).
        func evaluate(_ candidate: Int) throws -> [Int] {
            let (search, brought, weight) = try gain(adding: candidates[candidate], to: current, beyond: beyond)
            evaluations += 1
            let gain = CoverageGain(weight: weight, origins: countingOrigins ? brought.count : 0)
            if gain > .zero {
                let entry = CandidateBoundHeap.Entry(bound: gain, candidate: candidate, pick: sites.count)
                bounds.push(entry)
                if best.map({ CandidateBoundHeap.precedes(entry, $0.entry) }) ?? true { best = (entry, search, brought) }
            }
            return brought
        }

        // First round: every candidate alone on the base, which also tells which origins
        // some candidate can serve. The evaluations are independent: they run on every
        // core, keep only their gains (not their searches: a road search holds 8 bytes
        // per node), and are folded in candidate order as one after the other would be;
        // the chosen one's search is then computed again (not counted as an evaluation).
        var coverable = [Bool](repeating: false, count: weights.count)
        let firstStage = progress?.begin("recommend: candidates alone", totalUnits: candidates.count)
        let firstRound = try firstRoundGains(candidates, beyond: beyond, progress: firstStage)
        firstStage?.finish()
        for candidate in candidates.indices {
            let (brought, weight) = firstRound[candidate]
            evaluations += 1
            for origin in brought { coverable[origin] = true }
            let gain = CoverageGain(weight: weight, origins: countingOrigins ? brought.count : 0)
            guard gain > .zero else { continue }
            let entry = CandidateBoundHeap.Entry(bound: gain, candidate: candidate, pick: sites.count)
            bounds.push(entry)
            if best.map({ CandidateBoundHeap.precedes(entry, $0.entry) }) ?? true { best = (entry, nil, brought) }
        }

        // Picks: sites of `limit`, or (covering all) weight brought within of the coverable.
        let coverableWeight = beyondBefore.reduce(0) { $0 + (coverable[$1] ? weights[$1] : 0) }
        let picks = progress?.begin("recommend: greedy picks", totalUnits: limit == Int.max ? coverableWeight : min(limit, candidates.count))
        defer { picks?.finish() }
        while sites.count < limit, let top = bounds.popMax() {
            guard top.pick == sites.count else {
                _ = try evaluate(top.candidate)
                continue
            }
            guard let chosen = best, chosen.entry.candidate == top.candidate else {
                preconditionFailure("a fresh top of the bounds is the best evaluation since the last pick")
            }
            current = try chosen.search ?? model.adding([candidates[top.candidate]], to: current)
            beyondWeight -= chosen.entry.bound.weight
            let brought = Set(chosen.broughtWithin)
            beyond.removeAll { brought.contains($0) }
            sites.append(RecommendedSite(candidate: top.candidate, id: ids[top.candidate], place: candidates[top.candidate],
                                         gainWeight: chosen.entry.bound.weight, broughtWithin: chosen.broughtWithin,
                                         beyondWeightAfter: beyondWeight))
            picks?.advance(by: limit == Int.max ? chosen.entry.bound.weight : 1)
            best = nil
        }
        return RecommendationResult(sites: sites, beyondWeightBefore: beyondWeightBefore,
                                    uncoverable: beyondBefore.filter { !coverable[$0] },
                                    evaluations: evaluations, search: current)
    }

    /// Every candidate's gain alone on the base (origins brought within, weight), the
    /// candidates spread over the cores, in candidate order.
    /// - Complexity: n evaluations, over the cores.
    private func firstRoundGains(_ candidates: [Place], beyond: [Int], progress: ProgressStage?) throws -> [(broughtWithin: [Int], weight: Int)] {
        let results = Mutex<[Result<([Int], Int), any Error>?]>(Array(repeating: nil, count: candidates.count))
        let workers = min(Concurrency.cores, max(candidates.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for candidate in stride(from: worker, to: candidates.count, by: workers) {
                let outcome = Result { () throws -> ([Int], Int) in
                    let found = try gain(adding: candidates[candidate], to: base, beyond: beyond)
                    return (found.broughtWithin, found.weight)
                }
                results.withLock { $0[candidate] = outcome }
                progress?.advance()
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
