import Foundation
import ZonegriseCore

/// A tiny OpenStreetMap file drawn as an ASCII grid, in the manner of OSRM's cucumber
/// features: each letter is a node, one column or row is `spacingMetres` apart (100 m by
/// default), around 45° N 2° E. Ways name their nodes by letters.
///
/// ```
/// let map = OSMTestMap("""
///     a b
///       c
///     """, ways: [("ab", ["highway": "primary"]), ("bc", ["highway": "service"])])
/// ```
struct OSMTestMap {
    struct Way {
        var nodes: String
        var tags: [String: String]
    }

    var grid: String
    var ways: [Way]
    /// Nodes referenced by ways but left out of the file (a clipped extract).
    var omittedNodes: Set<Character> = []
    var spacingMetres = 100.0

    static let originLongitude = 2.0
    static let originLatitude = 45.0
    static let earthRadiusMetres = 6_371_008.8

    init(_ grid: String, ways: [(String, [String: String])], omitting: Set<Character> = []) {
        self.grid = grid
        self.ways = ways.map { Way(nodes: $0.0, tags: $0.1) }
        self.omittedNodes = omitting
    }

    /// Letter → position (x longitude, y latitude); rows go south.
    var positions: [Character: PlanarPoint] {
        var result: [Character: PlanarPoint] = [:]
        let metresPerDegreeLatitude = Self.earthRadiusMetres * .pi / 180
        let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(Self.originLatitude * .pi / 180)
        for (row, line) in grid.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (column, character) in line.enumerated() where character.isLetter {
                precondition(result[character] == nil, "node \(character) drawn twice")
                result[character] = PlanarPoint(
                    x: Self.originLongitude + Double(column) * spacingMetres / metresPerDegreeLongitude,
                    y: Self.originLatitude - Double(row) * spacingMetres / metresPerDegreeLatitude)
            }
        }
        return result
    }

    /// The OSM id of a letter: 1000 + its Unicode value (stable, readable in failures).
    static func id(_ letter: Character) -> Int64 { 1000 + Int64(letter.unicodeScalars.first!.value) }

    var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<osm version=\"0.6\" generator=\"zonegrise tests\">"]
        for (letter, point) in positions.sorted(by: { $0.key < $1.key }) where !omittedNodes.contains(letter) {
            lines.append("  <node id=\"\(Self.id(letter))\" lat=\"\(point.y)\" lon=\"\(point.x)\" version=\"1\"/>")
        }
        for (index, way) in ways.enumerated() {
            lines.append("  <way id=\"\(index + 1)\" version=\"1\">")
            for letter in way.nodes { lines.append("    <nd ref=\"\(Self.id(letter))\"/>") }
            for (key, value) in way.tags.sorted(by: { $0.key < $1.key }) {
                lines.append("    <tag k=\"\(Self.escape(key))\" v=\"\(Self.escape(value))\"/>")
            }
            lines.append("  </way>")
        }
        lines.append("</osm>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the map to a temporary `.osm` file and returns its path.
    func write() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-map-\(UUID().uuidString).osm").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
