import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting
import ZonegriseTestSupport

/// Our multi-source search on the real Monaco road graph against scipy's Dijkstra
/// (`scripts/check_scipy_dijkstra.py`): the graph built as `RoadNetworkLoader` builds it
/// (standard profile, Lambert-93, largest strongly connected component), exported as an
/// edge list with its parallel edges, and for seeded random source sets every node's time
/// must be equal (both sides add the same integer deciseconds, exactly representable in
/// scipy's float64) and reached by both or by neither.
///
/// Skipped when ../shared/geodata/osm/monaco.osm.pbf is absent or no python3 imports
/// numpy and scipy; a failure instead when `CI` is set (`Prerequisite`).
@Suite("Real data: Monaco routing against scipy")
struct MonacoRoutingTests {
    static let monaco = TestRepository.sharedGeodata.appendingPathComponent("osm/monaco.osm.pbf").path
    static let hasMonaco = FileManager.default.fileExists(atPath: monaco)
    static let script = TestRepository.path("scripts/check_scipy_dijkstra.py")

    /// The Python that runs the oracle: one importing numpy and scipy, Debian's
    /// /usr/bin/python3 first (`Prerequisite.scipyPython`).
    static let python = Prerequisite.scipyPython

    /// The Monaco network, extracted once for every case.
    struct MonacoNetwork: Sendable {
        /// Every extracted edge, with parallel edges, on the dense nodes of the extract.
        var list: RoadEdgeList
        /// The largest strongly connected component, renumbered.
        var pruned: RoadGraph
        var keptNodes: [Int32]
        var droppedNodes: Int
        var droppedComponents: Int
    }

    static let network: Result<MonacoNetwork, any Error> = Result {
        let roads = try RoadExtractor(profile: .standard).extract(path: monaco)
        var coordinates = roads.coordinates
        try CoordinateTransformer.wgs84ToLambert93().transform(&coordinates)
        let list = RoadEdgeList(nodeIDs: roads.nodeIDs, coordinates: coordinates,
                                edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) })
        let pruned = ComponentPruning.largestStronglyConnected(RoadGraph(list))
        return MonacoNetwork(list: list, pruned: pruned.graph, keptNodes: pruned.keptNodes,
                             droppedNodes: pruned.droppedNodes, droppedComponents: pruned.droppedComponents)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var sources: Int
        /// The pruned graph (as the pipeline routes) or the whole extract (islands and
        /// one-way dead ends: some nodes unreachable).
        var pruned: Bool
        var direction: MultiSourceSearch.Direction

        var testDescription: String {
            "\(sources) source(s), seed \(seed), \(pruned ? "pruned" : "unpruned"), \(direction == .fromSeeds ? "from" : "toward") seeds"
        }
    }

    static let cases: [Case] = [
        Case(seed: 1, sources: 1, pruned: true, direction: .fromSeeds),
        Case(seed: 2, sources: 5, pruned: true, direction: .fromSeeds),
        Case(seed: 3, sources: 50, pruned: true, direction: .fromSeeds),
        Case(seed: 4, sources: 50, pruned: true, direction: .towardSeeds),
        Case(seed: 5, sources: 5, pruned: false, direction: .fromSeeds),
        Case(seed: 6, sources: 1, pruned: false, direction: .towardSeeds),
    ]

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { hasMonaco }),
          .requires("a python3 importing numpy and scipy (Debian's python3-numpy, python3-scipy)", { python != nil }),
          arguments: cases)
    func multiSourceSearchEqualsScipy(_ testCase: Case) throws {
        let network = try Self.network.get()
        let folder = try TestRepository.makeTemporaryFolder("monaco-scipy")
        defer { TestRepository.removeTemporaryFolder(folder) }

        // The graph searched, and the edge list given to scipy: every extracted edge
        // between kept nodes (renumbered), parallel edges included.
        let graph: RoadGraph
        var exported: [RoadEdge]
        if testCase.pruned {
            graph = network.pruned
            var newID = [Int32](repeating: -1, count: network.list.nodeCount)
            for (new, old) in network.keptNodes.enumerated() { newID[Int(old)] = Int32(new) }
            exported = network.list.edges.compactMap { edge in
                let a = newID[Int(edge.from)], b = newID[Int(edge.to)]
                return a >= 0 && b >= 0 ? RoadEdge(from: a, to: b, deciseconds: edge.deciseconds) : nil
            }
            #expect(graph.nodeCount == network.keptNodes.count)
        } else {
            graph = RoadGraph(network.list)
            exported = network.list.edges
        }
        let pairs = Set(exported.map { UInt64(UInt32($0.from)) << 32 | UInt64(UInt32($0.to)) })
        #expect(pairs.count == graph.edgeCount, "the graph keeps one edge per (from, to) pair")
        // Monaco has no parallel edges of its own: add a slower copy of every seventh edge
        // (some before the original, some after), which both sides must ignore, so that
        // the export exercises the min-of-duplicates rule (scipy would add them up).
        var duplicated: [RoadEdge] = []
        for (i, edge) in exported.enumerated() {
            let slower = RoadEdge(from: edge.from, to: edge.to, deciseconds: edge.deciseconds + 1 + UInt32(i % 50))
            if i % 7 == 0 { duplicated.append(slower) }
            duplicated.append(edge)
            if i % 7 == 3 { duplicated.append(slower) }
        }
        exported = duplicated
        let rebuilt = RoadGraph(RoadEdgeList(nodeIDs: graph.nodeIDs, coordinates: graph.coordinates, edges: exported))
        #expect(rebuilt.head == graph.head && rebuilt.weight == graph.weight, "RoadGraph keeps the fastest of parallel edges")

        var csv = "from,to,deciseconds\n"
        csv.reserveCapacity(exported.count * 16)
        for edge in exported { csv += "\(edge.from),\(edge.to),\(edge.deciseconds)\n" }
        let edgesFile = folder.appendingPathComponent("edges.csv")
        try Data(csv.utf8).write(to: edgesFile)

        var rng = SplitMix64(seed: testCase.seed)
        var sources: [Int32] = []
        var chosen = Set<Int32>()
        while sources.count < testCase.sources {
            let node = Int32.random(in: 0 ..< Int32(graph.nodeCount), using: &rng)
            if chosen.insert(node).inserted { sources.append(node) }
        }
        let sourcesFile = folder.appendingPathComponent("sources.txt")
        try Data(sources.map { "\($0)\n" }.joined().utf8).write(to: sourcesFile)

        var search = MultiSourceSearch(graph: graph)
        let ours = search.run(seeds: sources.map { ($0, 0) }, horizonDeciseconds: UInt32.max, direction: testCase.direction)

        let outFile = folder.appendingPathComponent("scipy.json")
        var arguments = [Self.script, edgesFile.path, String(graph.nodeCount), sourcesFile.path, outFile.path]
        if testCase.direction == .towardSeeds { arguments.append("--transpose") }
        try Self.runPython(arguments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: outFile)) as? [String: Any])
        #expect(json["edges_kept"] as? Int == graph.edgeCount, "scipy kept \(json["edges_kept"] ?? "?") edges, we \(graph.edgeCount)")
        let theirs = try #require(json["deciseconds"] as? [Any])
        try #require(theirs.count == graph.nodeCount)

        var mismatches: [String] = []
        var reached = 0
        for node in 0 ..< graph.nodeCount {
            let mine = ours.deciseconds(Int32(node)).map(Double.init)
            let scipy = (theirs[node] as? NSNumber)?.doubleValue
            if mine != nil { reached += 1 }
            switch (mine, scipy) {
            case (nil, nil): continue
            case let (a?, b?) where a == b: continue
            default: mismatches.append("node \(node): ours \(mine.map { "\($0)" } ?? "unreached"), scipy \(scipy.map { "\($0)" } ?? "unreached")")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) node(s) differ, first: \(mismatches.prefix(5))")
        #expect(reached == ours.reachedCount)
        for source in sources { #expect(ours.deciseconds(source) == 0) }
        if testCase.pruned {
            // Strongly connected: every node is reached.
            #expect(reached == graph.nodeCount)
        } else {
            // The whole extract has islands: reachability is part of the comparison.
            #expect(reached < graph.nodeCount && reached > graph.nodeCount / 2, "\(reached) of \(graph.nodeCount) reached")
        }
    }

    /// The pruned graph above is the one `RoadNetworkLoader` builds for a run.
    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { hasMonaco }))
    func prunedGraphIsTheLoadersGraph() throws {
        let network = try Self.network.get()
        let folder = try TestRepository.makeTemporaryFolder("monaco-loader")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let loaded = try RoadNetworkLoader(osmPath: Self.monaco, profilePath: nil,
                                           cachePath: folder.appendingPathComponent("road_graph.zgcache").path,
                                           warnings: Warnings()).load()
        let graph = loaded.graph, pruned = network.pruned
        #expect(graph.nodeCount == pruned.nodeCount && graph.edgeCount == pruned.edgeCount)
        #expect(graph.nodeIDs == pruned.nodeIDs && graph.firstOut == pruned.firstOut && graph.head == pruned.head && graph.weight == pruned.weight)
        #expect(loaded.details["dropped_nodes"] == String(network.droppedNodes))
        #expect(loaded.details["dropped_components"] == String(network.droppedComponents))
        #expect(network.droppedNodes > 0 && network.droppedComponents > 0, "a border-clipped extract has islands")
    }

    /// Runs `python` with `arguments`; fails with its standard error.
    static func runPython(_ arguments: [String]) throws {
        let interpreter = try #require(python, "no python3 imports numpy and scipy")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = arguments
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-python-\(UUID().uuidString).txt")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        let handle = try FileHandle(forWritingTo: errors)
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "\(interpreter) \(arguments.joined(separator: " ")) failed: \(message)")
    }
}
