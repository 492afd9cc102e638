import Foundation
import Testing
import ZonegriseNative
import ZonegriseTestSupport

/// readosm passed the missing `k` or `v` of an XML `<tag>` (or the `role` of a
/// `<member>`) to `strlen` and crashed the process (a fuzzing find, issue 8): such a file
/// is now refused before readosm reads it, naming the line.
@Suite struct OSMXMLAttributeCheckTests {
    static func read(_ body: String) throws -> (error: NativeError?, counts: Int) {
        let folder = try RepositoryFolders.makeTemporaryFolder("osm-xml-check")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("roads.osm").path
        try Data(("<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n" + body + "\n</osm>\n").utf8).write(to: URL(fileURLWithPath: path))
        do {
            var ways = 0
            _ = try OSMFileReader(path: path).read(nodes: { _ in }, ways: { _ in ways += 1 })
            return (nil, ways)
        } catch {
            return (error, 0)
        }
    }

    static let nodes = "<node id=\"1\" lat=\"47.0\" lon=\"2.0\"/>\n<node id=\"2\" lat=\"47.01\" lon=\"2.01\"/>"

    @Test(arguments: [
        ("<tag v=\"primary\"/>", "tag", "k", "k, v"), ("<tag k=\"highway\"/>", "tag", "v", "k, v"),
        ("<tag  k='highway' />", "tag", "v", "k, v"),
    ])
    func wayTagWithoutAnAttribute(tag: String, element: String, attribute: String, needed: String) throws {
        let (error, _) = try Self.read(Self.nodes + "\n<way id=\"10\">\n<nd ref=\"1\"/><nd ref=\"2\"/>\n" + tag + "\n</way>")
        guard case let .osm(path, message)? = error else { Issue.record("expected an OSM error, got \(String(describing: error))"); return }
        #expect(path.hasSuffix("roads.osm"))
        #expect(message == "line 7: a <\(element)> element without its \(attribute) attribute; OSM XML \(element) elements need \(needed) (fix or re-export the file, e.g. with osmium cat)")
    }

    @Test func memberWithoutRole() throws {
        let (error, _) = try Self.read(Self.nodes + "\n<relation id=\"5\"><member type=\"way\" ref=\"10\"/></relation>")
        guard case let .osm(_, message)? = error else { Issue.record("expected an OSM error, got \(String(describing: error))"); return }
        #expect(message.hasPrefix("line 5: a <member> element without its role attribute"))
    }

    /// Comments, declarations, `>` and `/` inside quoted values, and elements whose name
    /// starts with "tag" are no tags.
    @Test func wellFormedFilesAreRead() throws {
        let (error, ways) = try Self.read(Self.nodes + """

            <!-- <tag v="in a comment"/> still > the comment -->
            <way id="10" version="1"><nd ref="1"/><nd ref="2"/>
              <tag k="highway" v="primary"/><tag k="name" v="A > B / C"/><tag
                 k="ref"
                 v="D 1"/>
              <tags-extension x="1"/>
            </way>
            <relation id="5"><member type="way" ref="10" role=""/></relation>
            """)
        #expect(error == nil, "\(String(describing: error))")
        #expect(ways == 1)
    }
}
