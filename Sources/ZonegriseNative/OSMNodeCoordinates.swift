import ZonegriseCore

/// The positions of the nodes of an `OSMNodeIndex`, read from an OSM file (the second pass
/// of a road extraction).
///
/// `positions[i]` is the node `index.ids[i]`, `x` longitude and `y` latitude in WGS84
/// degrees (the order of `CoordinateTransformer`'s geographic side), or NaN for both when
/// the file has no such node (a way of a clipped extract refers to nodes beyond its border).
package struct OSMNodeCoordinates: Sendable {
    package let index: OSMNodeIndex
    package let positions: [PlanarPoint]
    /// How many ids of `index` the file had.
    package let foundCount: Int
    /// How many nodes the file has (all of them were looked at).
    package let nodesRead: Int
    /// The first indexed node whose coordinates cannot be used, in file order (left NaN
    /// in `positions`): its coordinates as written are not numbers (XML), or they are not
    /// a longitude from −180 to 180 and a latitude from −90 to 90. Nil when all are good.
    package let invalidNode: InvalidNode?

    /// A node of the index whose coordinates cannot be used.
    package struct InvalidNode: Hashable, Sendable {
        package var id: Int64
        /// 1-based line of the node in an XML file; nil for PBF.
        package var line: Int?
        /// What is wrong, naming the node ("node 7 has lat=\"abc\", not a latitude…").
        package var detail: String

        package init(id: Int64, line: Int?, detail: String) {
            self.id = id
            self.line = line
            self.detail = detail
        }
    }

    package init(index: OSMNodeIndex, positions: [PlanarPoint], foundCount: Int, nodesRead: Int, invalidNode: InvalidNode? = nil) {
        precondition(positions.count == index.count, "one position per indexed node")
        self.index = index
        self.positions = positions
        self.foundCount = foundCount
        self.nodesRead = nodesRead
        self.invalidNode = invalidNode
    }

    /// How many ids of `index` the file did not have.
    package var missingCount: Int { index.count - foundCount }

    /// True when the file had the node at dense index `i`.
    /// - Complexity: O(1).
    @inlinable
    package func isFound(_ i: Int) -> Bool { !positions[i].x.isNaN }

    /// The position of node `id`, or nil when it is not indexed or was not in the file.
    /// - Complexity: O(log n).
    package func position(of id: Int64) -> PlanarPoint? {
        guard let i = index.index(of: id), isFound(i) else { return nil }
        return positions[i]
    }
}
