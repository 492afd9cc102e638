import ZonegriseTestSupport
import ZonegriseCore
import ZonegriseRouting

/// Measures `ChainContraction` behind the segment index on a pruned graph (docs/ROUTING.md,
/// "Chain contraction"): node and edge counts, snapping and search times, and whether
/// the times stay the same, for places scattered near the roads (a random node moved by
/// up to 150 m each way, seeded). `graph` must be in metres (Lambert-93).
///
/// Two ways to use it are compared with the model as the pipeline builds it:
/// - naive: the `RoadNetworkTimeModel` (segment index and search) on the contracted
///   graph, whose segments are now straight lines between junctions;
/// - exact: snap on the full graph, contract keeping every snapped segment's ends, search
///   the contracted graph; only the search is timed, as the model cannot be given a
///   separate snapping geometry.
enum ContractionTiming {
    static func run(_ graph: RoadGraph, origins originCount: Int = 2_000, targets targetCount: Int = 50,
                    repeats: Int) throws -> [String] {
        var rng = SplitMix64(seed: 1)
        func place(_ name: String) -> Place {
            let node = graph.coordinates[Int.random(in: 0 ..< graph.nodeCount, using: &rng)]
            return Place(communeCode: name, point: PlanarPoint(x: node.x + Double.random(in: -150 ... 150, using: &rng),
                                                               y: node.y + Double.random(in: -150 ... 150, using: &rng)))
        }
        let origins = (0 ..< originCount).map { place("o\($0)") }
        let targets = (0 ..< targetCount).map { place("t\($0)") }
        let horizon = 60.0
        var lines: [String] = ["chain contraction behind the segment index, \(originCount) origins and \(targetCount) targets, best of \(repeats):"]
        func counts(_ g: RoadGraph) -> String { "\(Report.grouped(g.nodeCount)) nodes, \(Report.grouped(g.edgeCount)) edges" }

        // As the pipeline does.
        let full = Timing.best(of: repeats) { RoadNetworkTimeModel(graph: graph) }
        let fullSnaps = Timing.best(of: repeats) { (origins + targets).map { full.value.snap($0.point) } }
        let fullTimes = try Timing.best(of: repeats) { try full.value.nearest(from: origins, to: targets, horizonMinutes: horizon) }
        lines.append("  full graph:        \(counts(graph)); index \(Report.milliseconds(full.seconds)), "
            + "snaps \(Report.milliseconds(fullSnaps.seconds)), nearest (snaps + search) \(Report.milliseconds(fullTimes.seconds))")

        // Naive: everything on the contracted graph.
        let contracted = Timing.best(of: repeats) { ChainContraction.contract(graph, keep: []) }
        let naive = Timing.best(of: repeats) { RoadNetworkTimeModel(graph: contracted.value.graph) }
        let naiveSnaps = Timing.best(of: repeats) { (origins + targets).map { naive.value.snap($0.point) } }
        let naiveTimes = try Timing.best(of: repeats) { try naive.value.nearest(from: origins, to: targets, horizonMinutes: horizon) }
        var same = 0, sameTarget = 0, largest = 0.0, sum = 0.0, compared = 0
        for (a, b) in zip(fullTimes.value, naiveTimes.value) {
            guard let a, let b else { if a == nil && b == nil { same += 1 }; continue }
            compared += 1
            if a.target == b.target { sameTarget += 1 }
            let difference = abs(a.minutes - b.minutes)
            if difference < 1e-9 { same += 1 }
            largest = max(largest, difference)
            sum += difference
        }
        let snapDistance = zip(fullSnaps.value, naiveSnaps.value).map { a, b in (b?.distanceMetres ?? 0) - (a?.distanceMetres ?? 0) }
        lines.append("  naive contraction: \(counts(contracted.value.graph)); contract \(Report.milliseconds(contracted.seconds)), "
            + "index \(Report.milliseconds(naive.seconds)), snaps \(Report.milliseconds(naiveSnaps.seconds)), "
            + "nearest \(Report.milliseconds(naiveTimes.seconds))")
        lines.append("    times identical for \(same) of \(originCount) origins, same nearest target for \(sameTarget) of \(compared); "
            + String(format: "mean |difference| %.3f min, largest %.2f min; ", sum / Double(max(compared, 1)), largest)
            + String(format: "snap distance %.0f m farther on average (largest %.0f m)",
                     snapDistance.reduce(0, +) / Double(snapDistance.count), snapDistance.max() ?? 0))

        // Exact: snapped ends kept, search on the contracted graph.
        let snaps = fullSnaps.value.compactMap { $0 }
        let keep = Set(snaps.flatMap { [$0.u, $0.v] })
        let kept = Timing.best(of: repeats) { ChainContraction.contract(graph, keep: keep) }
        let seeds = fullSnaps.value.suffix(targetCount).compactMap { $0 }.flatMap { [($0.u, UInt32(0)), ($0.v, UInt32(0))] }
        let mapped = seeds.map { (kept.value.oldToNew[Int($0.0)], $0.1) }
        let ticks = UInt32(horizon * 600)
        var searchFull = MultiSourceSearch(graph: graph), searchKept = MultiSourceSearch(graph: kept.value.graph)
        let onFull = Timing.best(of: repeats) { () -> [UInt32?] in
            let result = searchFull.run(seeds: seeds.map { (node: $0.0, deciseconds: $0.1) }, horizonDeciseconds: ticks, direction: .towardSeeds)
            return keep.sorted().map { result.deciseconds($0) }
        }
        let onKept = Timing.best(of: repeats) { () -> [UInt32?] in
            let result = searchKept.run(seeds: mapped.map { (node: $0.0, deciseconds: $0.1) }, horizonDeciseconds: ticks, direction: .towardSeeds)
            return keep.sorted().map { result.deciseconds(kept.value.oldToNew[Int($0)]) }
        }
        let identical = zip(onFull.value, onKept.value).filter { $0 == $1 }.count
        lines.append("  exact contraction (the \(Report.grouped(keep.count)) snapped ends kept): \(counts(kept.value.graph)); "
            + "contract \(Report.milliseconds(kept.seconds)); search \(Report.milliseconds(onKept.seconds)) "
            + "against \(Report.milliseconds(onFull.seconds)) on the full graph; times at the snapped ends identical: "
            + "\(identical) of \(keep.count)")
        return lines
    }
}
