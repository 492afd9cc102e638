import Testing
import ZonegriseCore
import ZonegriseTestSupport

/// `ContiguousGroups` against a breadth-first search on seeded random graphs.
@Suite("Contiguous groups (union–find)")
struct ContiguousGroupsTests {
    /// Groups by breadth-first search from each unvisited member in increasing order:
    /// the same order contract (groups by smallest member, members sorted).
    static func oracle(count: Int, edges: [(Int, Int)]) -> [[Int]] {
        var neighbours = [[Int]](repeating: [], count: count)
        for (a, b) in edges {
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        var seen = [Bool](repeating: false, count: count)
        var groups: [[Int]] = []
        for start in 0 ..< count where !seen[start] {
            var group = [start], queue = [start]
            seen[start] = true
            while let x = queue.popLast() {
                for y in neighbours[x] where !seen[y] {
                    seen[y] = true
                    group.append(y)
                    queue.append(y)
                }
            }
            groups.append(group.sorted())
        }
        return groups
    }

    @Test(arguments: Array(1 ... 20) as [UInt64])
    func matchesBreadthFirstSearch(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int(random.next() % 60)
        let edgeCount = count == 0 ? 0 : Int(random.next() % UInt64(2 * count))
        let edges = (0 ..< edgeCount).map { _ in (Int(random.next() % UInt64(count)), Int(random.next() % UInt64(count))) }
        let groups = ContiguousGroups.groups(count: count, edges: edges)
        #expect(groups == Self.oracle(count: count, edges: edges))
        #expect(groups.flatMap { $0 }.sorted() == Array(0 ..< count))
    }

    @Test func isolatedMembersAreGroupsOfTheirOwn() {
        #expect(ContiguousGroups.groups(count: 4, edges: [(3, 1)]) == [[0], [1, 3], [2]])
        #expect(ContiguousGroups.groups(count: 0, edges: []).isEmpty)
    }
}
