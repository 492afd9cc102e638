import Foundation
import Testing
import ZonegriseCore
import ZonegriseNative
import ZonegriseTestSupport

/// OSM XML coordinates checked as text: readosm reads them with `atof`, so `lat="abc"`
/// and `lat=""` came out as 0 and `lat="49,5"` as 49, silently (`lat="NaN"` failed later
/// in PROJ, naming an array position). Only the nodes the roads use are checked.
@Suite struct OSMXMLCoordinateCheckTests {
    static func xml(_ nodes: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <!-- <node id="1" lat="commented out" lon="x"/> -->
          <node id="1" lat="49.0" lon="2.0"/>
        \(nodes)
          <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
        </osm>

        """
    }

    @Test(arguments: [
        ("<node id=\"2\" lat=\"abc\" lon=\"2.001\"/>", "node 2 has lat=\"abc\", not a latitude in decimal degrees from -90 to 90"),
        ("<node id=\"2\" lat=\"\" lon=\"2.001\"/>", "node 2 has lat=\"\", not a latitude in decimal degrees from -90 to 90"),
        ("<node id=\"2\" lat=\"49,5\" lon=\"2.001\"/>", "node 2 has lat=\"49,5\", not a latitude in decimal degrees from -90 to 90"),
        ("<node id=\"2\" lat=\"NaN\" lon=\"2.001\"/>", "node 2 has lat=\"NaN\", not a latitude in decimal degrees from -90 to 90"),
        ("<node id=\"2\" lat=\"49.001\" lon=\"inf\"/>", "node 2 has lon=\"inf\", not a longitude in decimal degrees from -180 to 180"),
        ("<node id=\"2\" lat='95' lon='2.001'/>", "node 2 has lat=\"95\", not a latitude in decimal degrees from -90 to 90"),
        ("<node id=\"2\" lon=\"2.001\"/>", "node 2 has no lat attribute"),
        ("<node\n    id=\"2\"\n    lat=\"49.001\" lon=\"200\"/>", "node 2 has lon=\"200\", not a longitude in decimal degrees from -180 to 180"),
    ])
    func badCoordinatesAreNamedWithTheNodeAndItsLine(node: String, detail: String) throws {
        let path = try TemporaryFile.write(Self.xml("  " + node), suffix: ".osm")
        defer { TemporaryFile.remove(path) }
        let problem = try OSMXMLCoordinateCheck.firstProblem(path: path, nodes: OSMNodeIndex(ids: [1, 2]))
        #expect(problem == .init(nodeID: 2, line: 5, detail: detail))
        // Through the reader's coordinate pass: the node is invalid, not placed.
        let located = try OSMFileReader(path: path).coordinates(of: OSMNodeIndex(ids: [1, 2]))
        #expect(located.invalidNode == .init(id: 2, line: 5, detail: detail))
        #expect(located.position(of: 2) == nil)
    }

    @Test func goodCoordinatesAndUnusedNodesPass() throws {
        let nodes = """
          <node id="2" version="1" lat="-12.5e0" lon=".25"/>
          <node id="3" lat="abc" lon="nothing"/>
          <nodes id="4" lat="x"/>
        """
        let path = try TemporaryFile.write(Self.xml(nodes), suffix: ".osm")
        defer { TemporaryFile.remove(path) }
        #expect(try OSMXMLCoordinateCheck.firstProblem(path: path, nodes: OSMNodeIndex(ids: [1, 2])) == nil)
        let located = try OSMFileReader(path: path).coordinates(of: OSMNodeIndex(ids: [1, 2]))
        #expect(located.invalidNode == nil)
        #expect(located.position(of: 2) == PlanarPoint(x: 0.25, y: -12.5))
    }

    /// Tags cut by the end of a chunk are joined to the next chunk, lines still counted.
    @Test func chunkBoundariesDoNotMatter() throws {
        var lines = (1 ... 200).map { "  <node id=\"\($0)\" lat=\"49.\($0)\" lon=\"2.\($0)\"/>" }
        lines[149] = "  <!-- a comment > with a bracket --><node id=\"150\" lat=\"4 9\" lon=\"2.0\"/>"
        let text = "<osm>\n" + lines.joined(separator: "\n") + "\n</osm>\n"
        let expected = OSMXMLCoordinateCheck.Problem(nodeID: 150, line: 151,
                                                     detail: "node 150 has lat=\"4 9\", not a latitude in decimal degrees from -90 to 90")
        let bytes = Array(text.utf8)
        for size in [1, 2, 3, 7, 64, 1000, bytes.count] {
            let path = try TemporaryFile.write(text, suffix: ".osm")
            defer { TemporaryFile.remove(path) }
            #expect(try OSMXMLCoordinateCheck.firstProblem(path: path, nodes: OSMNodeIndex(ids: Array(1 ... 200))) == expected)
            var scanner = OSMXMLCoordinateCheck.Scanner(nodes: OSMNodeIndex(ids: Array(1 ... 200)))
            var found: OSMXMLCoordinateCheck.Problem?
            for start in stride(from: 0, to: bytes.count, by: size) where found == nil {
                found = scanner.feed(Array(bytes[start ..< min(start + size, bytes.count)]))
            }
            #expect(found == expected, "chunks of \(size) bytes")
        }
    }

    /// A PBF (made with `osmium cat` from XML with node 2 at latitude 95; 253 bytes) has
    /// no text to check: the decoded position is checked against the ranges.
    static let latitude95PBF = "AAAADQoJT1NNSGVhZGVyGDgQLBo0eJxT4vMvzg1OzkjNTdQNM9AzU+JySc0rTvXLT0ktbmLkzS/OzSzN1TfUMzTVMwAAMKgNWAAAAAsKB09TTURhdGEYURBMGk14nONi4WLgYhByEXLiYmZiYtKS5GJmZGQUYmZgYJACEUogQouZiYHBib9h17LLzA1rbmxj3v/56jZmL66GLZ3CC+YwAlEQSBkAgvIPsAAAAAsKB09TTURhdGEYRRA5GkF4nOOS4mLgYs/ITM8oT6zk4i5KLc5MSc0ryUzM4WIQkpaS5OASYmSUYmRS4uJgFGCQYFBg0GB2YmZiYgIAYhwJeg=="

    @Test func pbfPositionOutOfRangeIsInvalid() throws {
        let path = try TemporaryFile.write(try #require(Data(base64Encoded: Self.latitude95PBF)), suffix: ".osm.pbf")
        defer { TemporaryFile.remove(path) }
        let located = try OSMFileReader(path: path).coordinates(of: OSMNodeIndex(ids: [1, 2, 3]))
        #expect(located.invalidNode == .init(id: 2, line: nil,
                                             detail: "node 2 is at longitude 2.001, latitude 95.0, not a longitude from -180 to 180 and a latitude from -90 to 90 degrees"))
        #expect(located.position(of: 2) == nil)
        #expect(located.position(of: 3) == PlanarPoint(x: 2.002, y: 49.002))
    }
}
