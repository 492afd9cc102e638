/// What one candidate site would bring: the weight of the origins beyond the threshold
/// it brings within it, and how many of them. Ordered by weight, then by count: the
/// key of the lazy greedy's bounds.
///
/// Both parts are coverage functions of the chosen set, so each only decreases as
/// sites are chosen (submodularity), and so does the pair in this order: a gain
/// computed earlier is an upper bound of the gain now (CELF's argument).
struct CoverageGain: Comparable, Sendable {
    /// Total weight of the origins brought within the threshold (inhabitants by default).
    var weight: Int
    /// Number of those origins; 0 when the order ignores it (maximal covering).
    var origins: Int

    static let zero = CoverageGain(weight: 0, origins: 0)

    static func < (a: CoverageGain, b: CoverageGain) -> Bool {
        (a.weight, a.origins) < (b.weight, b.origins)
    }
}
