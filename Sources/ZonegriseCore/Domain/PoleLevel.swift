/// The *niveau de pôle* of a commune: the highest gamme it is a pole of (METHOD.md §2).
public enum PoleLevel: String, CaseIterable, Comparable, Hashable, Sendable {
    case aucun
    case proximite
    case intermediaire
    case superieure

    public init(_ gamme: Gamme?) {
        switch gamme {
        case nil: self = .aucun
        case .proximite?: self = .proximite
        case .intermediaire?: self = .intermediaire
        case .superieure?: self = .superieure
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: PoleLevel, rhs: PoleLevel) -> Bool { lhs.rank < rhs.rank }
}
