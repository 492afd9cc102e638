/// Two positions in an array of shapes, `first < second`; ordered by `first`, then `second`.
package struct IndexPair: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var first: Int
    package var second: Int

    /// - Precondition: `first < second`.
    package init(_ first: Int, _ second: Int) {
        precondition(first < second, "IndexPair needs first < second, got (\(first), \(second))")
        self.first = first
        self.second = second
    }

    package static func < (lhs: IndexPair, rhs: IndexPair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }

    package var description: String { "(\(first), \(second))" }
}
