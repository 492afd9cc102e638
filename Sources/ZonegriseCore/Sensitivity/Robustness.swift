/// Whether a commune's zone-grise status for one gamme holds under the sensitivity
/// variants (`zone_grise_G_robuste`): `oui` when it is in zone grise in the base run and
/// in every variant, `non` when in none of them, `fragile` when the runs disagree.
public enum Robustness: String, CaseIterable, Hashable, Sendable {
    case oui
    case non
    case fragile

    /// The flag of one commune from its statuses in the base run and each variant
    /// (true: in zone grise).
    /// - Precondition: at least one status (the base).
    /// - Complexity: O(statuses).
    public init(statuses: some Sequence<Bool>) {
        var any = false, all = true, count = 0
        for status in statuses {
            any = any || status
            all = all && status
            count += 1
        }
        precondition(count > 0, "a robustness flag needs the base status")
        self = all ? .oui : any ? .fragile : .non
    }
}
