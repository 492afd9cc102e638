/// Strongly connected components of a `RoadGraph`, by Tarjan's algorithm (Tarjan 1972,
/// "Depth-first search and linear graph algorithms") run with an explicit stack, so that
/// graphs of millions of nodes do not overflow the call stack.
struct StronglyConnectedComponents: Sendable {
    /// Component id per node, in `0 ..< count`. Ids come in reverse topological order of
    /// the condensation (a component's id is smaller than those of components reaching it).
    let componentOf: [Int32]
    /// Number of components.
    let count: Int

    /// - Complexity: O(nodes + edges) time; O(nodes) extra memory.
    init(_ graph: RoadGraph) {
        let n = graph.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var component = [Int32](repeating: -1, count: n)
        // Tarjan's stack of visited nodes not yet in a component: a visited node is on it
        // exactly when it has no component yet, so no separate flag is needed.
        var stack: [Int32] = []
        // The explicit call stack: a node and the next of its edges to look at.
        var calls: [(node: Int32, edge: Int32)] = []
        var counter: Int32 = 0
        var components: Int32 = 0
        let firstOut = graph.firstOut, head = graph.head

        for root in 0 ..< n where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root))
            calls.append((Int32(root), firstOut[root]))
            while let top = calls.last {
                let v = Int(top.node)
                if top.edge < firstOut[v + 1] {
                    calls[calls.count - 1].edge += 1
                    let w = Int(head[Int(top.edge)])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w))
                        calls.append((Int32(w), firstOut[w]))
                    } else if component[w] < 0 {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                calls.removeLast()
                if low[v] == index[v] {
                    while true {
                        let w = Int(stack.removeLast())
                        component[w] = components
                        if w == v { break }
                    }
                    components += 1
                }
                if let parent = calls.last {
                    low[Int(parent.node)] = min(low[Int(parent.node)], low[v])
                }
            }
        }
        componentOf = component
        count = Int(components)
    }

    /// Number of nodes per component.
    /// - Complexity: O(nodes).
    func sizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for c in componentOf { sizes[Int(c)] += 1 }
        return sizes
    }
}
