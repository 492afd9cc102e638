import Foundation
import Zonegrise
import ZonegriseCore
import ZonegriseRouting
import ZonegriseServe
import ZonegriseTestSupport

/// `--what-if-osm FILE` (with `--manifest`): the manifest's territory (Pas-de-Calais by
/// default) on the road network FILE (the generated network of about a million nodes):
/// the time of one what-if evaluation by the server's evaluator (`WhatIfEvaluator`, a
/// request body in, the JSON answer out; no HTTP), median and p99 over `count` requests
/// adding a site at a random analysed commune, beside the full re-analysis it replaces
/// (prepare, search every gamme and layer, evaluate: what `compare` does once the
/// inputs are read) and the whole in-memory analysis (inputs read again, graph cache warm).
func timeWhatIf(manifest: String, osm: String, layerName: String, count: Int, seed: UInt64) async throws {
    var config = try TerritoryManifest.load(path: manifest)
    try config.apply("time_model.kind", value: "osm", source: "--what-if-osm")
    config.timeModel.osmFile = FilePaths.absolute(osm)
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-whatif-bench-\(ProcessInfo.processInfo.processIdentifier).zgcache").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    config.timeModel.osmCache = cache
    func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    var start = now()
    let analysed = try await AnalysisRun.analysedInMemory(configuration: config)
    let firstLoad = Double(now() - start) / 1e9
    let state = try await WhatIfState(configuration: config, territory: analysed.territory, prepared: analysed.prepared, base: analysed.searches,
                                      result: analysed.result, map: nil, rankingCandidates: false)
    guard let layer = state.result.layers.firstIndex(where: { $0.name == layerName }) else {
        throw ZonegriseError.inconsistent(detail: "\(manifest): no layer \(layerName)")
    }
    let graphNodes = (analysed.model as? RoadNetworkTimeModel)?.graph.nodeCount ?? 0
    say("== \(config.name) on \(osm): \(graphNodes) road nodes, \(state.result.communes.count) communes, layer \(layerName) (\(state.result.layers[layer].sites.count) sites); loaded and analysed in \(ms(firstLoad))")
    let evaluator = WhatIfEvaluator(state: state)
    let codes = state.result.communes.map(\.code)
    var rng = SplitMix64(seed: seed &+ 11)
    let bodies = (0 ..< count + 5).map { _ in
        Array("{\"layers\": {\"\(layerName)\": {\"add\": [{\"commune\": \"\(codes[Int.random(in: 0 ..< codes.count, using: &rng)])\"}]}}}".utf8)
    }
    var whole: [Double] = [], core: [Double] = []
    for (i, body) in bodies.enumerated() {
        start = now()
        _ = try evaluator.evaluate(json: body)
        let total = Double(now() - start) / 1e9
        let scenario = try evaluator.scenario(try scenarioText(evaluator, body))
        start = now()
        _ = try evaluator.outcome(scenario)
        let evaluation = Double(now() - start) / 1e9
        if i >= 5 { whole.append(total); core.append(evaluation) }   // the first five warm the caches
    }
    whole.sort()
    core.sort()
    func p99(_ sorted: [Double]) -> Double { sorted[min(sorted.count - 1, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1)] }
    say("one what-if, the server's evaluator (JSON in, JSON out; median / p99 of \(count)): \(ms(whole[whole.count / 2])) / \(ms(p99(whole)))   (target: median < 10 ms)")
    say("  of which the incremental evaluation (PreparedAnalysis.evaluate):       \(ms(core[core.count / 2])) / \(ms(p99(core)))")
    // The full re-analysis it replaces, on the graph already loaded.
    var full: [Double] = []
    let scenario = try evaluator.scenario(try scenarioText(evaluator, bodies[5]))
    for _ in 0 ..< 3 {
        start = now()
        let prepared = try ZoneGriseAnalysis(parameters: config.analysisParameters).prepare(analysed.territory.input, timeModel: analysed.model)
        let searches = try await prepared.searchAll()
        _ = try prepared.evaluate(scenario, base: searches)
        full.append(Double(now() - start) / 1e9)
    }
    say("full re-analysis, graph in memory (prepare + search all + evaluate; median of 3): \(ms(median(full)))")
    start = now()
    _ = try await AnalysisRun.analysedInMemory(configuration: config)
    let again = Double(now() - start) / 1e9
    say("full re-analysis from the inputs (as compare: territory read, graph cache read):  \(ms(again))")
    say("ratio full re-analysis (graph in memory) / one what-if:  \(String(format: "%.0f", median(full) / whole[whole.count / 2]))×")
}

/// The scenario text of a request body (what the server evaluates).
func scenarioText(_ evaluator: WhatIfEvaluator, _ body: [UInt8]) throws -> String {
    try evaluator.scenarioText(json: body)
}
