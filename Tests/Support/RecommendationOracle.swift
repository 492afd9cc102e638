import Foundation
import ZonegriseCore

/// One small instance of site recommendation for the oracle: a prepared model, the
/// existing targets, candidates, threshold, weights and the number of sites to choose.
package struct RecommendationCase {
    /// Printed with every problem found (the model and the seed).
    package var name: String
    package var model: any PreparedTimeModel
    package var baseTargets: [Place]
    package var candidates: [Place]
    package var thresholdMinutes: Double
    package var comparison: ThresholdComparison
    package var weights: [Int]
    /// k of the maximal covering.
    package var count: Int
    /// Horizon of the base search given to the recommendation, minutes.
    package var baseHorizonMinutes: Double

    package init(name: String, model: any PreparedTimeModel, baseTargets: [Place], candidates: [Place],
                 thresholdMinutes: Double, comparison: ThresholdComparison, weights: [Int], count: Int,
                 baseHorizonMinutes: Double) {
        self.name = name
        self.model = model
        self.baseTargets = baseTargets
        self.candidates = candidates
        self.thresholdMinutes = thresholdMinutes
        self.comparison = comparison
        self.weights = weights
        self.count = count
        self.baseHorizonMinutes = baseHorizonMinutes
    }

    package var ids: [String] { candidates.indices.map { "c\($0)" } }

    /// A random case on `model`: up to 3 existing targets and up to 12 candidates drawn
    /// from `places` (sometimes a candidate twice, or one at an existing target), k ≤ 3,
    /// a threshold on some rounded time, either comparison, weights with zeros among
    /// them, and the base searched at the threshold's horizon or past it.
    package static func random(_ name: String, model: any PreparedTimeModel, places: [Place],
                               using rng: inout SplitMix64) throws -> RecommendationCase {
        var pool = places.shuffled(using: &rng)
        let base = Array(pool.prefix(Int.random(in: 0 ... 3, using: &rng)))
        pool.removeFirst(base.count)
        // Rarely no candidate, or k = 0.
        var candidates = Array(pool.prefix(Int.random(in: 0 ..< 10, using: &rng) == 0 ? 0 : .random(in: 1 ... 12, using: &rng)))
        if !candidates.isEmpty, candidates.count < 12, Bool.random(using: &rng) {
            candidates.append((candidates + base).randomElement(using: &rng)!)
        }
        let threshold = try threshold(model, targets: candidates + base, using: &rng)
        let horizon = Bool.random(using: &rng) ? SiteRecommendation.horizonMinutes(thresholdMinutes: threshold) : 2 * threshold + 1
        return RecommendationCase(name: name, model: model, baseTargets: base, candidates: candidates, thresholdMinutes: threshold,
                                  comparison: Bool.random(using: &rng) ? .strict : .inclusive,
                                  weights: weights(model.origins.count, using: &rng),
                                  count: Int.random(in: 0 ..< 10, using: &rng) == 0 ? 0 : .random(in: 1 ... 3, using: &rng),
                                  baseHorizonMinutes: horizon)
    }

    /// Weights with zeros among them, or all ones (counting communes).
    static func weights(_ count: Int, using rng: inout SplitMix64) -> [Int] {
        if Int.random(in: 0 ..< 4, using: &rng) == 0 { return Array(repeating: 1, count: count) }
        return (0 ..< count).map { _ in Int.random(in: 0 ..< 5, using: &rng) == 0 ? 0 : .random(in: 1 ... 1000, using: &rng) }
    }

    /// Half the time a rounded time of some origin to one of `targets` alone (so that
    /// times equal to the threshold occur and the comparison matters), else any
    /// hundredth of a minute below those times' median; low enough that a candidate
    /// serves only some origins.
    static func threshold(_ model: any PreparedTimeModel, targets: [Place], using rng: inout SplitMix64) throws -> Double {
        let times = try RecommendationOracle.roundedTimes(model, to: targets).sorted()
        guard !times.isEmpty else { return 10 }
        if Bool.random(using: &rng) { return times[Int.random(in: 0 ..< (times.count + 1) / 2, using: &rng)] }
        return ZoneGriseAnalysis.roundedMinutes(.random(in: 0 ... times[times.count / 2], using: &rng))
    }
}

/// Independent computations that `SiteRecommendation` must agree with, for every time
/// model: each target set searched from scratch at a horizon far past the threshold,
/// classified with the analysis's rule (`ZoneGriseAnalysis.roundedMinutes`, then the
/// comparison); a plain greedy that evaluates every candidate in every round from
/// scratch; the optimum over every k-subset. Returns the problems found, each naming
/// the case, so that the calling test prints the seed.
package enum RecommendationOracle {
    /// Far past any threshold of the cases: the oracle never depends on a horizon.
    static let scratchHorizonMinutes = 100_000.0

    /// Per origin, whether it is beyond the threshold with `targets`, searched from scratch.
    package static func beyond(_ c: RecommendationCase, targets: [Place]) throws -> [Bool] {
        try c.model.search(to: targets, horizonMinutes: scratchHorizonMinutes).nearest.map { nearest in
            c.comparison.isBeyond(nearest.map { ZoneGriseAnalysis.roundedMinutes($0.minutes) }, threshold: c.thresholdMinutes)
        }
    }

    /// Rounded minutes from every origin to each of `targets` alone (reachable pairs
    /// only): thresholds picked among them fall exactly on rounded times.
    package static func roundedTimes(_ model: any PreparedTimeModel, to targets: [Place]) throws -> [Double] {
        var times: [Double] = []
        for target in targets {
            times += try model.search(to: [target], horizonMinutes: scratchHorizonMinutes).nearest.compactMap {
                $0.map { ZoneGriseAnalysis.roundedMinutes($0.minutes) }
            }
        }
        return times
    }

    static func weight(_ c: RecommendationCase, _ beyond: [Bool]) -> Int {
        zip(c.weights, beyond).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
    }

    /// A plain greedy's picks, every remaining candidate searched from scratch in every
    /// round: (candidate, weight gained, origins brought within), and the evaluations.
    static func plainGreedy(_ c: RecommendationCase, limit: Int, countingOrigins: Bool) throws
        -> (picks: [(candidate: Int, weight: Int, brought: [Int])], evaluations: Int) {
        var chosen: [Int] = []
        var picks: [(candidate: Int, weight: Int, brought: [Int])] = []
        var evaluations = 0
        var current = try beyond(c, targets: c.baseTargets)
        while chosen.count < limit {
            var best: (candidate: Int, key: (Int, Int), brought: [Int])?
            for candidate in c.candidates.indices where !chosen.contains(candidate) {
                evaluations += 1
                let after = try beyond(c, targets: c.baseTargets + chosen.map { c.candidates[$0] } + [c.candidates[candidate]])
                let brought = current.indices.filter { current[$0] && !after[$0] }
                let weight = brought.reduce(0) { $0 + c.weights[$1] }
                let key = (weight, countingOrigins ? brought.count : 0)
                if key > (0, 0), best.map({ key > $0.key }) ?? true { best = (candidate, key, brought) }
            }
            guard let pick = best else { break }
            chosen.append(pick.candidate)
            picks.append((pick.candidate, pick.key.0, pick.brought))
            for origin in pick.brought { current[origin] = false }
        }
        return (picks, evaluations)
    }

    /// Every check of one case; an empty list when all hold.
    package static func problems(_ c: RecommendationCase) throws -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append("\(c.name): \(message())") }
        }
        let base = try c.model.search(to: c.baseTargets, horizonMinutes: c.baseHorizonMinutes)
        let recommendation = SiteRecommendation(model: c.model, base: base, thresholdMinutes: c.thresholdMinutes,
                                                comparison: c.comparison, weights: c.weights)
        let beyondBase = try beyond(c, targets: c.baseTargets)
        check(recommendation.beyondOrigins(of: base) == beyondBase.indices.filter { beyondBase[$0] },
              "the base search classifies as a search from scratch")

        // Incremental gains equal full recomputation, for every candidate, on the base
        // and on every prefix of the greedy's choice.
        let maximal = try recommendation.maximalCovering(candidates: c.candidates, ids: c.ids, count: c.count)
        var prefix: any TargetSearch = base
        for step in 0 ... maximal.sites.count {
            let chosen = maximal.sites.prefix(step).map(\.place)
            let before = try beyond(c, targets: c.baseTargets + chosen)
            for (candidate, place) in c.candidates.enumerated() {
                let incremental = try recommendation.marginalGain(adding: place, to: prefix)
                let after = try beyond(c, targets: c.baseTargets + chosen + [place])
                let brought = before.indices.filter { before[$0] && !after[$0] }
                check(incremental.broughtWithin == brought,
                      "after \(step) picks, candidate \(candidate) brings \(incremental.broughtWithin) incrementally, \(brought) from scratch")
                check(incremental.weight == brought.reduce(0) { $0 + c.weights[$1] }, "after \(step) picks, candidate \(candidate): weight")
            }
            if step < maximal.sites.count { prefix = try c.model.adding([maximal.sites[step].place], to: prefix) }
        }

        // The lazy greedy's choice equals the plain greedy's, gains included.
        let before = weight(c, beyondBase)
        check(maximal.beyondWeightBefore == before, "weight beyond before: \(maximal.beyondWeightBefore), expected \(before)")
        let plain = try plainGreedy(c, limit: c.count, countingOrigins: false)
        check(maximal.sites.map(\.candidate) == plain.picks.map(\.candidate),
              "CELF picks \(maximal.sites.map(\.candidate)), plain greedy \(plain.picks.map(\.candidate))")
        check(maximal.sites.map(\.gainWeight) == plain.picks.map(\.weight),
              "CELF gains \(maximal.sites.map(\.gainWeight)), plain greedy \(plain.picks.map(\.weight))")
        check(maximal.sites.map(\.broughtWithin) == plain.picks.map(\.brought), "origins brought within differ from the plain greedy's")
        // Both evaluate every candidate in the first round, even for k = 0 (which tells
        // the uncoverable origins); after it CELF evaluates each candidate at most once
        // per pick, usually far fewer.
        let plainEvaluations = max(plain.evaluations, c.candidates.count)
        check(maximal.evaluations <= plainEvaluations, "CELF made \(maximal.evaluations) evaluations, the plain greedy \(plainEvaluations)")
        var remaining = before
        for site in maximal.sites {
            remaining -= site.gainWeight
            check(site.beyondWeightAfter == remaining, "weight beyond after \(site.id): \(site.beyondWeightAfter), expected \(remaining)")
            check(site.id == c.ids[site.candidate] && site.place == c.candidates[site.candidate], "\(site.id): identifier or place")
        }
        let chosenPlaces = maximal.sites.map(\.place)
        let final = try beyond(c, targets: c.baseTargets + chosenPlaces)
        check(weight(c, final) == maximal.beyondWeightAfter, "weight beyond with the chosen sites searched from scratch")
        check(maximal.search.targets == c.baseTargets + chosenPlaces, "the extended search's targets")
        check(recommendation.beyondOrigins(of: maximal.search) == final.indices.filter { final[$0] },
              "the extended search classifies as a search from scratch")

        // The optimum over every k-subset; the greedy reaches at least (1 − 1/e) of it.
        var optimum = 0
        for subset in subsets(of: c.candidates.count, size: min(c.count, c.candidates.count)) {
            let covered = before - weight(c, try beyond(c, targets: c.baseTargets + subset.map { c.candidates[$0] }))
            optimum = max(optimum, covered)
        }
        let greedy = maximal.gainWeight
        check(greedy <= optimum, "greedy covers \(greedy), more than the optimum \(optimum)")
        check(Double(greedy) >= (1 - 1 / M_E) * Double(optimum) - 1e-9, "greedy covers \(greedy), under (1 − 1/e) of \(optimum)")

        // Uncoverable: beyond with the base, and with the base and any one candidate.
        let alone = try c.candidates.map { try beyond(c, targets: c.baseTargets + [$0]) }
        let uncoverable = beyondBase.indices.filter { o in beyondBase[o] && alone.allSatisfy { $0[o] } }
        check(maximal.uncoverable == uncoverable, "maximal covering: uncoverable \(maximal.uncoverable), expected \(uncoverable)")

        // Set covering: the plain greedy's choice, and every origin covered but the
        // uncoverable ones, checked with all chosen sites searched from scratch.
        let all = try recommendation.coverAll(candidates: c.candidates, ids: c.ids)
        let plainAll = try plainGreedy(c, limit: Int.max, countingOrigins: true)
        check(all.sites.map(\.candidate) == plainAll.picks.map(\.candidate),
              "coverAll picks \(all.sites.map(\.candidate)), plain greedy \(plainAll.picks.map(\.candidate))")
        check(all.evaluations <= plainAll.evaluations, "coverAll made \(all.evaluations) evaluations, the plain greedy \(plainAll.evaluations)")
        check(all.uncoverable == uncoverable, "coverAll: uncoverable \(all.uncoverable), expected \(uncoverable)")
        let covered = try beyond(c, targets: c.baseTargets + all.sites.map(\.place))
        check(covered.indices.filter { covered[$0] } == uncoverable,
              "with the sites of coverAll, beyond: \(covered.indices.filter { covered[$0] }), expected only \(uncoverable)")
        check(all.beyondWeightAfter == weight(c, covered), "coverAll: weight beyond after")
        return problems
    }

    /// Every subset of `0 ..< n` of the given size, in lexicographic order.
    static func subsets(of n: Int, size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= n else { return [] }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int) {
            if current.count == size {
                result.append(current)
                return
            }
            for i in start ..< n where n - i >= size - current.count {
                current.append(i)
                extend(from: i + 1)
                current.removeLast()
            }
        }
        extend(from: 0)
        return result
    }
}
