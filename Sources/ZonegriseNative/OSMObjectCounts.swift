/// How many objects of each kind one read of an OSM file delivered. A kind the read did
/// not ask for is not decoded and counts 0.
package struct OSMObjectCounts: Hashable, Sendable, CustomStringConvertible {
    package var nodes: Int
    package var ways: Int
    package var relations: Int

    package init(nodes: Int = 0, ways: Int = 0, relations: Int = 0) {
        self.nodes = nodes
        self.ways = ways
        self.relations = relations
    }

    /// Nodes, ways and relations together.
    package var total: Int { nodes + ways + relations }

    package var description: String { "\(nodes) nodes, \(ways) ways, \(relations) relations" }
}
