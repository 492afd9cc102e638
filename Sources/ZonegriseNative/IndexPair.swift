/// Two positions in an array of shapes, `first < second`; ordered by `first`, then `second`.
public struct IndexPair: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var first: Int
    public var second: Int

    /// - Precondition: `first < second`.
    public init(_ first: Int, _ second: Int) {
        precondition(first < second, "IndexPair needs first < second, got (\(first), \(second))")
        self.first = first
        self.second = second
    }

    public static func < (lhs: IndexPair, rhs: IndexPair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }

    public var description: String { "(\(first), \(second))" }
}
