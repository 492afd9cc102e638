// zonegrise-scenario-bench: the speed of scenarios and site recommendation, each beside a
// naive baseline (a full re-analysis per candidate) measured in the same run
// (docs/RECOMMENDATION.md, "Speed"; scripts/bench-scenarios.sh runs it).
//
//   zonegrise-scenario-bench [--manifest M] [--layer L] [--osm FILE --origins N --sites N --candidates N] [--seed N]
//
// 1. On a manifest's territory (default: examples/pas-de-calais-fs2020.yaml, its time
//    crow-fly model): every analysed commune evaluated once as a candidate site of the layer,
//    and `recommend --k 10`; baseline: the whole analysis run again with the candidate
//    added, on a sample of candidates.
// 2. With --osm (a generated network of about a million nodes, scripts/make-road-network.py):
//    random origins, existing sites and candidates on the roads; the median time to
//    evaluate one candidate and recommend k = 10 among the candidates; baseline: the
//    layer searched again with the candidate added.
// 3. With --what-if-osm FILE: the manifest's territory on that network, the time of one
//    what-if by `zonegrise serve`'s evaluator beside the full re-analysis (WhatIfTiming.swift).
// 4. With --serve-load URL [--clients 8 --requests 2000]: a bounded load on a running
//    `zonegrise serve` (ServeLoad.swift), p50 / p99 and errors (scripts/bench-serve.sh).
import Foundation
import Zonegrise
import ZonegriseCore
import ZonegriseOSM
import ZonegriseRouting
import ZonegriseTestSupport

func say(_ text: String) { print(text); fflush(nil) }
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func ms(_ s: Double) -> String { String(format: "%9.2f ms", s * 1000) }
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let manifestPath = option("--manifest") ?? "examples/pas-de-calais-fs2020.yaml"
let layerName = option("--layer") ?? "france_services"
let seed = UInt64(option("--seed") ?? "1") ?? 1
#if DEBUG
say("warning: debug build; time with `swift build -c release`")
#endif

if let url = option("--serve-load") {
    let report = try serveLoad(url: url, clients: Int(option("--clients") ?? "8") ?? 8, total: Int(option("--requests") ?? "2000") ?? 2000, seed: seed)
    say("\(url): \(report)")
    for error in report.firstErrors { say("  error: \(error)") }
    exit(report.errors == 0 ? 0 : 1)
}
if let osm = option("--what-if-osm") {
    try await timeWhatIf(manifest: manifestPath, osm: osm, layerName: layerName, count: Int(option("--evaluations") ?? "200") ?? 200, seed: seed)
    exit(0)
}

// 1. A real territory.
if FileManager.default.fileExists(atPath: manifestPath) {
    do {
        let config = try TerritoryManifest.load(path: manifestPath)
        var timings = StageTimings()
        let territory = try await TerritoryLoader(configuration: config).load(timings: &timings)
        guard config.timeModel.kind == .crowfly, let layer = territory.input.serviceLayers.firstIndex(where: { $0.name == layerName }) else {
            throw ZonegriseError.inconsistent(detail: "\(manifestPath): needs the crowfly model and a layer \(layerName)")
        }
        let model = config.timeModel.crowfly
        let analysis = ZoneGriseAnalysis(parameters: config.analysisParameters)
        let prepared = try analysis.prepare(territory.input, timeModel: model)
        let recommender = try prepared.siteRecommendation(.layer(layer))
        let candidates = prepared.communes.map { Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres) }
        say("== \(config.name): \(prepared.communes.count) communes, \(model.kind) model, layer \(layerName) (\(territory.input.serviceLayers[layer].sites.count) sites)")
        // The first round of the greedy (k = 0): every candidate evaluated once, on the cores.
        let all = try seconds { _ = try recommender.maximalCovering(candidates: candidates, ids: candidates.map(\.communeCode), count: 0) }
        let once = [all / Double(candidates.count)]
        say("every candidate evaluated once (\(candidates.count)):  \(ms(all))   (target < 500 ms); \(ms(once[0])) each")
        var naive: [Double] = []
        var rng = SplitMix64(seed: seed)
        for _ in 0 ..< 20 {
            let c = prepared.communes[Int.random(in: 0 ..< prepared.communes.count, using: &rng)]
            var input = territory.input
            input.serviceLayers[layer].sites.append(ServiceSite(id: "bench", name: "bench", communeCode: c.code, point: c.centre))
            naive.append(try seconds { _ = try analysis.runSequentially(input, timeModel: model) })
        }
        say("baseline, the analysis run again per candidate:  median \(ms(median(naive))) each (20 sampled) → \(ms(median(naive) * Double(candidates.count))) for all")
        say("ratio baseline / incremental, per candidate:     \(String(format: "%.0f", median(naive) / median(once)))×")
        var picked = 0, evaluations = 0
        let k10 = try seconds {
            let result = try recommender.maximalCovering(candidates: candidates, ids: candidates.map(\.communeCode), count: 10)
            picked = result.sites.count
            evaluations = result.evaluations
        }
        say("recommend --k 10: \(ms(k10))   (target < 2 s); \(picked) site(s), \(evaluations) evaluations (plain greedy: up to \(candidates.count * 10))")
    } catch {
        say("skipped the territory part: \(error)")
    }
} else {
    say("skipped the territory part: \(manifestPath) not found")
}

// 2. A generated road network.
if let osm = option("--osm") {
    let originCount = Int(option("--origins") ?? "5000") ?? 5000
    let siteCount = Int(option("--sites") ?? "20") ?? 20
    let candidateCount = Int(option("--candidates") ?? "1000") ?? 1000
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-scenario-bench-\(ProcessInfo.processInfo.processIdentifier).zgcache").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    var loaded: RoadNetworkLoader.Output?
    let build = try seconds { loaded = try RoadNetworkLoader(osmPath: osm, profilePath: nil, cachePath: cache, warnings: Warnings()).load() }
    let graph = loaded!.graph
    say("\n== \(osm): \(graph.nodeCount) nodes, \(graph.edgeCount) edges (built in \(ms(build)))")
    let model = RoadNetworkTimeModel(graph: graph)
    var rng = SplitMix64(seed: seed &+ 7)
    func places(_ count: Int, _ prefix: String) -> [Place] {
        (0 ..< count).map { i in
            let node = graph.coordinates[Int.random(in: 0 ..< graph.nodeCount, using: &rng)]
            return Place(communeCode: "\(prefix)\(i)", point: PlanarPoint(x: node.x + .random(in: -200 ... 200, using: &rng),
                                                                          y: node.y + .random(in: -200 ... 200, using: &rng)))
        }
    }
    let origins = places(originCount, "o"), sites = places(siteCount, "s"), candidates = places(candidateCount, "c")
    let threshold = 30.0
    var prepared: (any PreparedTimeModel)?
    let prepare = seconds { prepared = model.prepare(origins: origins) }
    let base = try prepared!.search(to: sites, horizonMinutes: SiteRecommendation.horizonMinutes(thresholdMinutes: threshold))
    let recommender = SiteRecommendation(model: prepared!, base: base, thresholdMinutes: threshold, weights: origins.map { _ in 1 })
    say("\(originCount) origins snapped in \(ms(prepare)); \(siteCount) existing sites; \(recommender.beyondOrigins(of: base).count) origins beyond \(Int(threshold)) min")
    var one: [Double] = []
    for candidate in candidates.prefix(200) { one.append(try seconds { _ = try recommender.marginalGain(adding: candidate, to: base) }) }
    say("one candidate evaluated (median of 200):          \(ms(median(one)))   (target < 5 ms)")
    var naive: [Double] = []
    for candidate in candidates.prefix(20) {
        naive.append(try seconds { _ = try prepared!.search(to: sites + [candidate], horizonMinutes: SiteRecommendation.horizonMinutes(thresholdMinutes: threshold)) })
    }
    say("baseline, the layer searched again (median of 20): \(ms(median(naive)))")
    say("ratio baseline / incremental, per candidate:     \(String(format: "%.0f", median(naive) / median(one)))×")
    var evaluations = 0
    let k10 = try seconds { evaluations = try recommender.maximalCovering(candidates: candidates, ids: candidates.map(\.communeCode), count: 10).evaluations }
    say("recommend --k 10 among \(candidateCount) candidates: \(ms(k10))   (target < 10 s); \(evaluations) evaluations")
}
