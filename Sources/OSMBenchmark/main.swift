// zonegrise-osm-bench: how fast an OpenStreetMap file is read, and how long building the
// routing graph from it takes (RoadExtractor's two passes and edges, the CSR graph, the
// largest strongly connected component), split into what readosm alone costs for the same
// passes and what zonegrise adds. Optionally writes the pruned graph's edge list for
// `zonegrise-routing-bench --edges` (scripts/bench-osm.sh runs both, with peers).
import Foundation
import ZonegriseOSM
import ZonegriseNative
import ZonegriseRouting

let options = OSMBenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
func say(_ text: String) { print(text); fflush(nil) }

#if DEBUG
say("warning: debug build; time with `swift build -c release --product zonegrise-osm-bench`")
#endif

do {
    let profile = try options.profile.map(CarProfile.load(path:)) ?? .standard
    let reader = try OSMFileReader(path: options.file)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: options.file)[.size] as? Int) ?? 0
    let all = try reader.countObjects()
    let objects = all.nodes + all.ways
    say("\(options.file) (\(String(format: "%.1f", Double(bytes) / 1e6)) MB): \(Report.grouped(all.nodes)) nodes, "
        + "\(Report.grouped(all.ways)) ways, \(Report.grouped(all.relations)) relations")

    // 1. Reading. objects/s counts the file's nodes and ways (and relations for "count only").
    let n = options.repeats
    say("\nreading, best of \(n)                                         time     throughput")
    say(Report.line("count only (readosm, no Swift values)", try Timing.best(of: n) { try reader.countObjects() }.seconds,
                    objects: all.total))
    let waysOnly = try Timing.best(of: n) { try reader.countObjects(nodes: false, ways: true, relations: false) }.seconds
    say(Report.line("readosm alone, ways only (what pass 1 decodes)", waysOnly, objects: objects))
    let nodesOnly = try Timing.best(of: n) { try reader.countObjects(nodes: true, ways: false, relations: false) }.seconds
    say(Report.line("readosm alone, nodes only (what pass 2 decodes)", nodesOnly, objects: objects))
    var sink = 0
    say(Report.line("nodes and ways as Swift values, no node tags", try Timing.best(of: n) {
        try reader.read(nodes: { sink &+= Int($0.id) }, ways: { sink &+= $0.nodeRefs.count })
    }.seconds, objects: objects))
    var refs: [Int64] = []
    say(Report.line("pass 1: ways with highway/route (nodes skipped)", try Timing.best(of: n) {
        refs = []
        return try reader.forEachWay(withAnyKey: ["highway", "route"]) { refs += $0.nodeRefs }
    }.seconds, objects: objects))
    let index = OSMNodeIndex(ids: refs)
    refs = []
    say(Report.line("pass 2: positions of the \(Report.grouped(index.count)) road nodes",
                    try Timing.best(of: n) { try reader.coordinates(of: index) }.seconds, objects: objects))
    let extractor = RoadExtractor(profile: profile)
    say(Report.line("RoadExtractor.extract (both passes and the edges)",
                    try Timing.best(of: n) { try extractor.extract(path: options.file) }.seconds, objects: objects))

    // 2. The graph build from the file, best of n (the whole build is repeated).
    struct Build {
        var extract: ExtractedRoads
        var extractSeconds: Double
        var csrSeconds: Double
        var pruneSeconds: Double
        var pruned: (graph: RoadGraph, keptNodes: [Int32], droppedNodes: Int, droppedComponents: Int)
        var total: Double { extractSeconds + csrSeconds + pruneSeconds }
    }
    var best: Build?
    for _ in 0 ..< n {
        let (extractSeconds, roads) = try Timing.time { try extractor.extract(path: options.file) }
        let (csrSeconds, graph) = Timing.time {
            RoadGraph(RoadEdgeList(nodeIDs: roads.nodeIDs, coordinates: roads.coordinates,
                                   edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) }))
        }
        let (pruneSeconds, pruned) = Timing.time { ComponentPruning.largestStronglyConnected(graph) }
        let build = Build(extract: roads, extractSeconds: extractSeconds, csrSeconds: csrSeconds, pruneSeconds: pruneSeconds,
                          pruned: pruned)
        if best == nil || build.total < best!.total { best = build }
    }
    let build = best!
    let report = build.extract.report
    let reading = waysOnly + nodesOnly
    let ours = build.total - reading
    say("\ngraph build from the file, best of \(n) (extract + CSR + SCC pruning):")
    say("  RoadExtractor.extract   \(Report.milliseconds(build.extractSeconds))   (pass 1 \(Report.milliseconds(report.waysPassSeconds)), "
        + "pass 2 \(Report.milliseconds(report.nodesPassSeconds)), edges \(Report.milliseconds(report.buildSeconds)))")
    say("  CSR graph (RoadGraph)   \(Report.milliseconds(build.csrSeconds))")
    say("  SCC + pruning           \(Report.milliseconds(build.pruneSeconds))")
    say("  total                   \(Report.milliseconds(build.total))")
    say("  reading: readosm alone for the same two passes \(Report.milliseconds(reading))  "
        + String(format: "(%.0f %% of the build)", reading / build.total * 100))
    say("  our code: the rest                             \(Report.milliseconds(ours))  "
        + String(format: "(%.0f %%)", ours / build.total * 100))
    say("  build limited by reading: \(reading >= ours ? "yes" : "NO") (reading \(reading >= ours ? "≥" : "<") our code)")
    let graph = build.pruned.graph
    say("network: \(Report.grouped(report.drivableWays)) drivable ways of \(Report.grouped(report.highwayWays)) highway ways, "
        + "\(Report.grouped(build.extract.nodeIDs.count)) nodes, \(Report.grouped(build.extract.edges.count)) edges; "
        + "largest strongly connected component: \(Report.grouped(graph.nodeCount)) nodes, \(Report.grouped(graph.edgeCount)) edges "
        + "(dropped \(Report.grouped(build.pruned.droppedNodes)) nodes in \(Report.grouped(build.pruned.droppedComponents)) components)")
    for warning in report.warnings { say("  warning: \(warning)") }

    if let path = options.edgesCSV {
        let (seconds, _) = try Timing.time { try EdgeListWriter.write(graph, to: path) }
        say("edge list of the pruned graph written to \(path) (\(Report.milliseconds(seconds).trimmingCharacters(in: .whitespaces)))")
    }
    if let path = options.cache {
        say("")
        for line in try CacheTiming.run(graph, droppedNodes: build.pruned.droppedNodes, droppedComponents: build.pruned.droppedComponents,
                                        path: path, repeats: n) { say(line) }
    }
    if options.contraction {
        say("")
        // The graph above is in WGS84 degrees; the model works in Lambert-93 metres.
        var metres = graph.coordinates
        try CoordinateTransformer.wgs84ToLambert93().transform(&metres)
        let projected = RoadGraph(validatingNodeIDs: graph.nodeIDs, coordinates: metres, firstOut: graph.firstOut,
                                  head: graph.head, weight: graph.weight)!
        for line in try ContractionTiming.run(projected, repeats: n) { say(line) }
    }
    if sink == 42 { say("") }   // keeps the Swift-values read from being optimised away
} catch {
    FileHandle.standardError.write(Data("zonegrise-osm-bench: \(error)\n".utf8))
    exit(1)
}
