/// The connected groups of a graph given by its edges: which grey communes form one
/// sector (METHOD.md §4), once the contiguous pairs are known.
///
/// Union–find with path halving and union by size: O((n + e) α(n)) for n members and
/// e edges. Deterministic: each group lists its members in increasing order, and groups
/// are ordered by their smallest member.
public enum ContiguousGroups {
    /// - Parameters:
    ///   - count: members are `0 ..< count`.
    ///   - edges: pairs of members that touch; any order, repeats allowed.
    /// - Returns: every member in exactly one group (a member without edges is a group
    ///   of its own).
    public static func groups(count: Int, edges: [(Int, Int)]) -> [[Int]] {
        var parent = Array(0 ..< count)
        var size = [Int](repeating: 1, count: count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for (a, b) in edges {
            precondition(a >= 0 && a < count && b >= 0 && b < count, "edge (\(a), \(b)) outside 0..<\(count)")
            var ra = root(a), rb = root(b)
            guard ra != rb else { continue }
            if size[ra] < size[rb] { swap(&ra, &rb) }
            parent[rb] = ra
            size[ra] += size[rb]
        }
        var groupOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for member in 0 ..< count {  // increasing: groups come by smallest member, members sorted
            let r = root(member)
            if let g = groupOfRoot[r] { groups[g].append(member) } else {
                groupOfRoot[r] = groups.count
                groups.append([member])
            }
        }
        return groups
    }
}
