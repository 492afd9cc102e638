import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting

/// Routing specifications in the manner of OSRM's cucumber features: an ASCII map (each
/// letter a node, one column or row `spacingMetres` apart around 45° N 2° E, drawn by
/// `OSMTestMap`; other characters such as `-` and `|` are only drawing), a table of ways
/// (the node letters, then one column per tag; an empty cell leaves the tag out) and a
/// table of routes with the time expected in seconds.
///
/// `check(routes:)` writes the map as OSM XML, extracts it with `RoadExtractor` and the
/// spec's profile, projects the nodes to Lambert-93 as the pipeline does, builds the
/// `RoadGraph` (not pruned: a spec may have one-way dead ends) and asks
/// `RoadNetworkTimeModel.nearest` for each route, one origin and one target, each placed
/// exactly on its node. Expected times are worked out by hand from the profile's documented
/// speeds (`profiles/car.yaml`): residential 100 m at 25 km/h is 14.4 s.
///
/// ```
/// RoutingSpec("""
///     a---b
///     """,
///     ways: """
///     nodes | highway
///     ab    | residential
///     """)
///     .check(routes: """
///     from | to | seconds
///     a    | b  | 57.6
///     b    | a  | 57.6
///     """)
/// ```
///
/// Routes table columns: `from`, `to`, `seconds` (a number, or `none` when no route may
/// exist), optional `tolerance` in seconds (default `RoutingSpec.defaultTolerance`: each
/// edge's time is rounded to a decisecond, so a few edges can drift by a few hundredths).
struct RoutingSpec {
    var map: OSMTestMap
    var profile: CarProfile

    static let defaultTolerance = 0.2

    init(_ grid: String, spacingMetres: Double = 100, ways: String, profile: CarProfile = .standard) {
        let table = RoutingSpecTable(ways)
        precondition(table.columns.first == "nodes", "the ways table starts with a nodes column")
        let wayList: [(String, [String: String])] = table.rows.map { row in
            var tags: [String: String] = [:]
            for (column, cell) in zip(table.columns.dropFirst(), row.dropFirst()) where !cell.isEmpty { tags[column] = cell }
            return (row[0], tags)
        }
        map = OSMTestMap(grid, ways: wayList)
        map.spacingMetres = spacingMetres
        self.profile = profile
    }

    /// The network as the osm model sees it, with the dense node of each letter.
    struct Network {
        var model: RoadNetworkTimeModel
        var roads: ExtractedRoads
        var nodeOf: [Character: Int32]
    }

    func network() throws -> Network {
        let path = try map.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let roads = try RoadExtractor(profile: profile).extract(path: path)
        var coordinates = roads.coordinates
        try CoordinateTransformer.wgs84ToLambert93().transform(&coordinates)
        let list = RoadEdgeList(nodeIDs: roads.nodeIDs, coordinates: coordinates,
                                edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) })
        var nodeOf: [Character: Int32] = [:]
        for (dense, id) in roads.nodeIDs.enumerated() {
            if let letter = map.positions.keys.first(where: { OSMTestMap.id($0) == id }) { nodeOf[letter] = Int32(dense) }
        }
        return Network(model: RoadNetworkTimeModel(graph: RoadGraph(list)), roads: roads, nodeOf: nodeOf)
    }

    /// The time in seconds from letter `from` to letter `to`, nil when there is no route.
    func seconds(_ network: Network, from: Character, to: Character, sourceLocation: SourceLocation) throws -> Double? {
        let origin = try #require(network.nodeOf[from], "node \(from) is on no drivable way of the spec", sourceLocation: sourceLocation)
        let target = try #require(network.nodeOf[to], "node \(to) is on no drivable way of the spec", sourceLocation: sourceLocation)
        let points = network.model.graph.coordinates
        let hits = try network.model.nearest(from: [Place(communeCode: String(from), point: points[Int(origin)])],
                                             to: [Place(communeCode: String(to), point: points[Int(target)])],
                                             horizonMinutes: 1e6)
        return hits[0].map { $0.minutes * 60 }
    }

    /// Checks every route of the table; each failure names the route.
    func check(routes: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let table = RoutingSpecTable(routes)
        let from = try #require(table.columns.firstIndex(of: "from"), sourceLocation: sourceLocation)
        let to = try #require(table.columns.firstIndex(of: "to"), sourceLocation: sourceLocation)
        let seconds = try #require(table.columns.firstIndex(of: "seconds"), sourceLocation: sourceLocation)
        let tolerance = table.columns.firstIndex(of: "tolerance")
        let network = try network()
        for row in table.rows {
            let a = try #require(row[from].first, sourceLocation: sourceLocation)
            let b = try #require(row[to].first, sourceLocation: sourceLocation)
            let got = try self.seconds(network, from: a, to: b, sourceLocation: sourceLocation)
            if row[seconds] == "none" {
                #expect(got == nil, "route \(a) → \(b): expected none, got \(got ?? 0) s", sourceLocation: sourceLocation)
                continue
            }
            let want = try #require(Double(row[seconds]), "route \(a) → \(b): bad expected time \(row[seconds])", sourceLocation: sourceLocation)
            let allowed = tolerance.flatMap { Double(row[$0]) } ?? Self.defaultTolerance
            guard let got else {
                Issue.record("route \(a) → \(b): expected \(want) s, got no route", sourceLocation: sourceLocation)
                continue
            }
            #expect(abs(got - want) <= allowed, "route \(a) → \(b): expected \(want) ± \(allowed) s, got \(got) s",
                    sourceLocation: sourceLocation)
        }
    }
}

/// A table of `|`-separated cells: the first line names the columns, blank lines are
/// skipped, cells are trimmed.
struct RoutingSpecTable {
    var columns: [String]
    var rows: [[String]]

    init(_ text: String) {
        let lines = text.split(separator: "\n").map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.allSatisfy(\.isEmpty) }
        precondition(!lines.isEmpty, "a table needs a header line")
        columns = lines[0]
        rows = Array(lines.dropFirst())
        for row in rows { precondition(row.count == columns.count, "row \(row) does not have the \(columns.count) cells of \(columns)") }
    }
}

/// A copy of the standard car profile changed by `change`.
func routingSpecProfile(_ change: (inout CarProfile) -> Void) -> CarProfile {
    var profile = CarProfile.standard
    change(&profile)
    return profile
}
