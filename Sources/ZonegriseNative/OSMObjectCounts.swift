/// How many objects of each kind one read of an OSM file delivered. A kind the read did
/// not ask for is not decoded and counts 0.
public struct OSMObjectCounts: Hashable, Sendable, CustomStringConvertible {
    public var nodes: Int
    public var ways: Int
    public var relations: Int

    public init(nodes: Int = 0, ways: Int = 0, relations: Int = 0) {
        self.nodes = nodes
        self.ways = ways
        self.relations = relations
    }

    /// Nodes, ways and relations together.
    public var total: Int { nodes + ways + relations }

    public var description: String { "\(nodes) nodes, \(ways) ways, \(relations) relations" }
}
