import ZonegriseCore
@testable import ZonegriseRouting
import Testing
import ZonegriseTestSupport

/// Oracle for `SegmentIndex.snap`: the nearest segment found through the grid against a
/// scan of every segment of the graph, on seeded random graphs (uniform, clustered, on a
/// coarse integer lattice so that exact ties occur, with zero-length segments and long
/// ones crossing many cells) and queries inside, on and far outside the network.
///
/// Two scans: one with an independent point-to-segment distance (dot and cross
/// products, no shared code) checks the distance found is the minimum; one with
/// `SegmentIndex.project` itself (the same floating-point values) checks the documented
/// tie rule, the lowest (u, v) among segments at exactly the minimal distance.
@Suite struct SegmentIndexOracleTests {
    enum Layout: CaseIterable { case uniform, clustered, lattice }

    /// A random graph of the layout, with its list of undirected segments (u < v).
    static func graph(_ layout: Layout, using rng: inout SplitMix64) -> RoadGraph {
        let n = Int.random(in: 2 ... 80, using: &rng)
        var points: [PlanarPoint] = []
        let centres = (0 ..< 3).map { _ in
            PlanarPoint(x: Double.random(in: 0 ... 50_000, using: &rng), y: Double.random(in: 0 ... 50_000, using: &rng))
        }
        for _ in 0 ..< n {
            switch layout {
            case .uniform:
                points.append(PlanarPoint(x: Double.random(in: 600_000 ... 620_000, using: &rng),
                                          y: Double.random(in: 6_800_000 ... 6_810_000, using: &rng)))
            case .clustered:
                let c = centres.randomElement(using: &rng)!
                points.append(PlanarPoint(x: c.x + Double.random(in: -300 ... 300, using: &rng),
                                          y: c.y + Double.random(in: -300 ... 300, using: &rng)))
            case .lattice:
                points.append(PlanarPoint(x: Double(Int.random(in: 0 ... 12, using: &rng) * 100),
                                          y: Double(Int.random(in: 0 ... 12, using: &rng) * 100)))
            }
        }
        // A few coincident nodes: zero-length segments.
        if n > 3, Bool.random(using: &rng) { points[n - 1] = points[0] }
        var edges: [RoadEdge] = []
        for _ in 0 ..< Int.random(in: 1 ... 2 * n, using: &rng) {
            let a = Int32.random(in: 0 ..< Int32(n), using: &rng)
            var b = Int32.random(in: 0 ..< Int32(n), using: &rng)
            if Int.random(in: 0 ..< 15, using: &rng) == 0 { b = a }  // self-loop: no segment
            edges.append(RoadEdge(from: a, to: b, deciseconds: 10))
            if Bool.random(using: &rng) { edges.append(RoadEdge(from: b, to: a, deciseconds: 12)) }
        }
        if n > 3, Bool.random(using: &rng) { edges.append(RoadEdge(from: 0, to: Int32(n - 1), deciseconds: 1)) }
        return RoadGraph(RoadEdgeList(nodeIDs: (0 ..< n).map { Int64($0) }, coordinates: points, edges: edges))
    }

    /// Every undirected segment of the graph, `u < v`, in (u, v) order: the brute-force list.
    static func segments(_ graph: RoadGraph) -> [(u: Int32, v: Int32)] {
        var pairs = Set<[Int32]>()
        for node in 0 ..< Int32(graph.nodeCount) {
            for edge in graph.edgesOut(of: node) where edge.node != node { pairs.insert([min(node, edge.node), max(node, edge.node)]) }
        }
        return pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { ($0[0], $0[1]) }
    }

    /// Distance from q to segment ab, computed independently of `SegmentIndex`: to an end
    /// when the foot of the perpendicular falls outside, else |cross| / |ab|.
    static func independentDistance(_ q: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let abx = b.x - a.x, aby = b.y - a.y, aqx = q.x - a.x, aqy = q.y - a.y
        let length = (abx * abx + aby * aby).squareRoot()
        if length == 0 || aqx * abx + aqy * aby <= 0 { return (aqx * aqx + aqy * aqy).squareRoot() }
        let bqx = q.x - b.x, bqy = q.y - b.y
        if bqx * abx + bqy * aby >= 0 { return (bqx * bqx + bqy * bqy).squareRoot() }
        return abs(abx * aqy - aby * aqx) / length
    }

    static func query(_ graph: RoadGraph, using rng: inout SplitMix64) -> PlanarPoint {
        let points = graph.coordinates
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let spread = max(maxX - minX, maxY - minY, 100)
        switch Int.random(in: 0 ..< 6, using: &rng) {
        case 0:  // on a node
            return points.randomElement(using: &rng)!
        case 1:  // far outside the network's box
            return PlanarPoint(x: minX - spread * Double.random(in: 1 ... 20, using: &rng),
                               y: maxY + spread * Double.random(in: -20 ... 20, using: &rng))
        case 2:  // on the lattice (exact ties on a lattice layout)
            return PlanarPoint(x: minX + Double(Int.random(in: -2 ... 14, using: &rng) * 50),
                               y: minY + Double(Int.random(in: -2 ... 14, using: &rng) * 50))
        default:  // inside or just around the box
            return PlanarPoint(x: Double.random(in: minX - spread * 0.1 ... maxX + spread * 0.1, using: &rng),
                               y: Double.random(in: minY - spread * 0.1 ... maxY + spread * 0.1, using: &rng))
        }
    }

    @Test(arguments: 1 ... 60 as ClosedRange<UInt64>)
    func nearestSegmentEqualsAScanOfAllSegments(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let layout = Layout.allCases[Int(seed) % Layout.allCases.count]
        let graph = Self.graph(layout, using: &rng)
        let segments = Self.segments(graph)
        let index = SegmentIndex(graph: graph)
        #expect(index.segmentCount == segments.count, "seed \(seed)")
        let points = graph.coordinates
        for k in 0 ..< 60 {
            let q = Self.query(graph, using: &rng)
            guard let snap = index.snap(q) else {
                #expect(segments.isEmpty, "seed \(seed) query \(k): no snap although the graph has \(segments.count) segments")
                continue
            }
            // Independent distances: the one found is the minimum over all segments.
            let independent = segments.map { Self.independentDistance(q, points[Int($0.u)], points[Int($0.v)]) }
            let minimum = independent.min()!
            let tolerance = 1e-9 * max(1, abs(q.x), abs(q.y))
            #expect(abs(snap.distanceMetres - minimum) <= tolerance,
                    "seed \(seed) query \(k) (\(q.x), \(q.y)): snapped at \(snap.distanceMetres) m, nearest segment at \(minimum) m")
            let chosen = try #require(segments.firstIndex { $0.u == snap.u && $0.v == snap.v },
                                      "seed \(seed) query \(k): (\(snap.u), \(snap.v)) is not a segment of the graph")
            #expect(abs(independent[chosen] - minimum) <= tolerance, "seed \(seed) query \(k)")
            // The snapped point lies on the segment, at the fraction and distance given.
            let a = points[Int(snap.u)], b = points[Int(snap.v)]
            #expect((0 ... 1).contains(snap.fraction))
            #expect(abs(snap.point.x - (a.x + snap.fraction * (b.x - a.x))) <= tolerance
                    && abs(snap.point.y - (a.y + snap.fraction * (b.y - a.y))) <= tolerance, "seed \(seed) query \(k)")
            #expect(abs(q.distance(to: snap.point) - snap.distanceMetres) <= tolerance, "seed \(seed) query \(k)")
            // Tie rule: the lowest (u, v) among the segments at exactly the minimal distance
            // as SegmentIndex computes it.
            let exact = segments.map { q.distance(to: SegmentIndex.project(q, points[Int($0.u)], points[Int($0.v)]).1) }
            let first = exact.indices.min { (exact[$0], $0) < (exact[$1], $1) }!
            #expect(segments[first].u == snap.u && segments[first].v == snap.v && exact[first] == snap.distanceMetres,
                    "seed \(seed) query \(k): snapped to (\(snap.u), \(snap.v)) at \(snap.distanceMetres), the scan gives (\(segments[first].u), \(segments[first].v)) at \(exact[first])")
        }
    }

    /// A graph whose only edges are self-loops has no segment: nothing to snap to.
    @Test func noSegmentNoSnap() {
        let graph = RoadGraph(RoadEdgeList(nodeIDs: [1, 2], coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 5, y: 5)],
                                           edges: [RoadEdge(from: 0, to: 0, deciseconds: 1)]))
        let index = SegmentIndex(graph: graph)
        #expect(index.segmentCount == 0)
        #expect(index.snap(PlanarPoint(x: 1, y: 1)) == nil)
    }
}
