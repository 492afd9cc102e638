// zonegrise-routing-bench: builds a road-like graph of about a million nodes, times one
// multi-source pass with each queue, then scipy's multi-source Dijkstra on the same graph
// in the same run, and checks that both give the same times (how to measure:
// PERFORMANCE.md in the shared docs; the routing design: docs/ROUTING.md).
import Foundation
import ZonegriseRouting
import ZonegriseTestSupport

let options = BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
func format(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
func say(_ text: String) { print(text); fflush(nil) }

#if DEBUG
say("warning: debug build; time with `swift run -c release zonegrise-routing-bench`")
#endif

// 1. The graph.
let (listSeconds, list) = try Stopwatch.time {
    var list = try options.edgesCSV.map(EdgeListCSV.read(path:))
        ?? SyntheticRoadGrid(columns: options.columns, rows: options.rows, seed: options.seed).edgeList()
    if options.shuffleNodes {
        var rng = SplitMix64(seed: options.seed &+ 2)
        let order = (0 ..< Int32(list.nodeCount)).shuffled(using: &rng) // order[new] = old
        var oldToNew = [Int32](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { oldToNew[Int(old)] = Int32(new) }
        list = RoadEdgeList(nodeIDs: order.map { list.nodeIDs[Int($0)] }, coordinates: order.map { list.coordinates[Int($0)] },
                            edges: list.edges.map { RoadEdge(from: oldToNew[Int($0.from)], to: oldToNew[Int($0.to)], deciseconds: $0.deciseconds) })
    }
    return list
}
let source = (options.edgesCSV ?? "synthetic grid \(options.columns)×\(options.rows), seed \(options.seed)")
    + (options.shuffleNodes ? ", nodes shuffled" : "")
say("graph: \(source): \(list.nodeCount) nodes, \(list.edges.count) edges (made in \(format(listSeconds)))")
let (csrSeconds, raw) = Stopwatch.time { RoadGraph(list) }
let (sccSeconds, pruning) = Stopwatch.time { ComponentPruning.largestStronglyConnected(raw) }
let graph = pruning.graph
say("build: CSR \(format(csrSeconds)), SCC + prune \(format(sccSeconds)), total \(format(csrSeconds + sccSeconds))")
say("       kept \(graph.nodeCount) nodes, \(graph.edgeCount) edges; dropped \(pruning.droppedNodes) nodes in \(pruning.droppedComponents) components")
let (contractSeconds, contraction) = Stopwatch.time { ChainContraction.contract(graph, keep: []) }
say("chain contraction (not used below): \(format(contractSeconds)) → \(contraction.graph.nodeCount) nodes, \(contraction.graph.edgeCount) edges")

// 2. Sources: distinct random nodes, fixed seed.
guard graph.nodeCount > 0 else { BenchmarkOptions.fail("the graph is empty after pruning") }
var rng = SplitMix64(seed: options.seed &+ 1)
var chosen = Set<Int32>()
while chosen.count < min(options.sources, graph.nodeCount) { chosen.insert(Int32.random(in: 0 ..< Int32(graph.nodeCount), using: &rng)) }
let sources = chosen.sorted()
let seeds = sources.map { (node: $0, deciseconds: UInt32(0)) }
let horizon = UInt32((options.horizonMinutes * 600).rounded())

// 3. One pass per queue and direction, best of N (results dropped between runs so that
// buffers are reused as in a pipeline).
say("\nmulti-source pass, \(sources.count) sources, best of \(options.repeats):")
say("queue          toward seeds   from seeds   \(Int(options.horizonMinutes)) min horizon   reached")
var timings: [MultiSourceSearch.Queue: (toward: Double, from: Double, horizon: Double)] = [:]
var fromResults: [MultiSourceSearch.Queue: SearchResult] = [:]
for queue in options.queues {
    var search = MultiSourceSearch(graph: graph, queue: queue)
    let toward = Stopwatch.best(of: options.repeats) {
        search.run(seeds: seeds, horizonDeciseconds: .max, direction: .towardSeeds).reachedCount
    }
    let from = Stopwatch.best(of: options.repeats) {
        search.run(seeds: seeds, horizonDeciseconds: .max, direction: .fromSeeds).reachedCount
    }
    let bounded = Stopwatch.best(of: options.repeats) {
        search.run(seeds: seeds, horizonDeciseconds: horizon, direction: .towardSeeds).reachedCount
    }
    timings[queue] = (toward.seconds, from.seconds, bounded.seconds)
    fromResults[queue] = search.run(seeds: seeds, horizonDeciseconds: .max, direction: .fromSeeds)
    let name = "\(queue)".padding(toLength: 12, withPad: " ", startingAt: 0)
    say("\(name)   \(format(toward.seconds))   \(format(from.seconds))   \(format(bounded.seconds))   \(toward.value) / \(bounded.value) within horizon")
}
let main = options.queues[0]
let ours = fromResults[main]!
for queue in options.queues.dropFirst() {
    let other = fromResults[queue]!
    let differ = (0 ..< Int32(graph.nodeCount)).filter { ours.deciseconds($0) != other.deciseconds($0) }.count
    if differ > 0 { say("MISMATCH: \(queue) differs from \(main) on \(differ) nodes"); exit(1) }
    say("\(queue): same times as \(main), \(String(format: "%.2f", timings[queue]!.toward / timings[main]!.toward))× its time")
}
let best = timings[main]!

// 3b. One candidate site on a kept base (a scenario's or the recommendation's step): a
// search seeded at the candidate that settles only the nodes it brings closer than the
// base, against searching the base and the candidate again. Two bases: sparse (a tenth
// of the sources, like service sites) and dense (all of them, like a gamme's poles).
for baseSeeds in [Array(seeds.prefix(max(1, seeds.count / 10))), seeds] {
    var baseSearch = MultiSourceSearch(graph: graph)
    let base = baseSearch.run(seeds: baseSeeds, horizonDeciseconds: horizon, direction: .towardSeeds)
    var candidates = MultiSourceSearch(graph: graph)
    var full = MultiSourceSearch(graph: graph)
    var incrementalSeconds: [Double] = [], fullSeconds: [Double] = [], settled: [Int] = []
    var crng = SplitMix64(seed: options.seed &+ 3)
    for _ in 0 ..< 50 {
        let candidate = (node: Int32.random(in: 0 ..< Int32(graph.nodeCount), using: &crng), deciseconds: UInt32(0))
        let added = Stopwatch.time { candidates.run(seeds: [candidate], horizonDeciseconds: horizon, direction: .towardSeeds, improvingOn: [base]).reachedCount }
        let again = Stopwatch.time { full.run(seeds: baseSeeds + [candidate], horizonDeciseconds: horizon, direction: .towardSeeds).reachedCount }
        incrementalSeconds.append(added.0)
        fullSeconds.append(again.0)
        settled.append(added.1)
    }
    func median<T: Comparable>(_ values: [T]) -> T { values.sorted()[values.count / 2] }
    say("\none candidate site on a kept base of \(baseSeeds.count) sources (\(Int(options.horizonMinutes)) min horizon, \(base.reachedCount) nodes reached), median of 50:")
    say("  bounded search from the candidate: \(format(median(incrementalSeconds))), \(median(settled)) nodes improved")
    say("  base and candidate searched again: \(format(median(fullSeconds)))")
    say("  ratio full / incremental: \(String(format: "%.0f", median(fullSeconds) / max(median(incrementalSeconds), 1e-9)))×")
}

// 4. The scipy peer, same graph, same sources, in this run.
guard options.runPeer else { exit(0) }
let folder = options.folder.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-routing-bench-\(ProcessInfo.processInfo.processIdentifier)")
try ScipyPeer.write(graph: graph, sources: sources, ours: ours, to: folder)
say("\nedge list, sources and our times written to \(folder.path)"
    + (options.folder == nil ? " (removed at the end; --folder DIR keeps them)" : ""))
let report = try ScipyPeer.run(python: options.python, script: options.peerScript, folder: folder,
                               repeats: options.repeats, horizonDeciseconds: horizon)
if options.folder == nil { try? FileManager.default.removeItem(at: folder) }
let scipySeconds = report["seconds"] as? Double ?? .nan
let scipyHorizon = report["seconds_horizon"] as? Double ?? .nan
let mismatches = report["mismatches"] as? Int ?? -1
say("scipy \(report["scipy"] ?? "?") dijkstra(min_only=True): \(format(scipySeconds)) full, \(format(scipyHorizon)) with limit=\(horizon) ds; reached \(report["reached"] ?? "?")")
say("ratio scipy / ours (from seeds, full): \(String(format: "%.2f", scipySeconds / best.from))×; with horizon: \(String(format: "%.2f", scipyHorizon / best.horizon))×")
if mismatches != 0 {
    say("CHECK FAILED: \(mismatches) nodes differ from scipy; first: \(report["first_mismatch"] ?? "?")")
    exit(1)
}
say("check: all \(graph.nodeCount) times equal scipy's")
say("targets (1 M nodes): pass < 300 ms: \(best.toward < 0.3 ? "met" : "MISSED") (\(format(best.toward))); ≥ 1.5× scipy: \(scipySeconds / best.from >= 1.5 ? "met" : "MISSED")")
