/// The max-heap of CELF (Leskovec et al. 2007, "Cost-effective outbreak detection in
/// networks"): one upper bound of the marginal gain per candidate still worth
/// evaluating, with the pick (number of sites chosen) at which it was computed.
///
/// The top is the largest bound, and of equal bounds the lowest candidate index, so
/// that a fresh top is exactly the candidate a plain greedy with the same tie rule
/// would choose. Each candidate is in the heap at most once (popped before pushed
/// again).
struct CandidateBoundHeap: Sendable {
    struct Entry: Sendable {
        /// Upper bound of the candidate's marginal gain.
        var bound: CoverageGain
        /// Index into the candidates.
        var candidate: Int
        /// Number of sites already chosen when `bound` was computed: the bound is exact
        /// while that many are chosen.
        var pick: Int
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// Whether `a` comes out before `b`.
    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.bound > b.bound || (a.bound == b.bound && a.candidate < b.candidate)
    }

    /// - Complexity: O(log count).
    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the top: the largest bound, the lowest index among equals.
    /// - Complexity: O(log count).
    mutating func popMax() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < entries.count, Self.precedes(entries[left], entries[first]) { first = left }
            if right < entries.count, Self.precedes(entries[right], entries[first]) { first = right }
            guard first != parent else { break }
            entries.swapAt(parent, first)
            parent = first
        }
        return top
    }
}
