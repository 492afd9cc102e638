import Foundation

/// An INSEE range of services (*gamme*), from the most to the least common.
///
/// INSEE groups BPE equipment types into three gammes (METHOD.md §1); a commune is a
/// *pôle* of a gamme when it offers enough of the gamme's types (§2). The raw values
/// are the French identifiers used in every output (`temps_proximite`, …).
public enum Gamme: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case proximite
    case intermediaire
    case superieure

    /// The national acceptable average time to a pole of the gamme, in minutes
    /// (SDAASP: 10, 20, 30). A commune is in zone grise beyond it.
    public var defaultThresholdMinutes: Double {
        switch self {
        case .proximite: return 10
        case .intermediaire: return 20
        case .superieure: return 30
        }
    }

    /// French label for reports.
    public var label: String {
        switch self {
        case .proximite: return "gamme de proximité"
        case .intermediaire: return "gamme intermédiaire"
        case .superieure: return "gamme supérieure"
        }
    }

    /// One letter for the superposition code (`code_enjeux`): P, I, S.
    public var letter: Character {
        switch self {
        case .proximite: return "P"
        case .intermediaire: return "I"
        case .superieure: return "S"
        }
    }

    public var rank: Int {
        switch self {
        case .proximite: return 0
        case .intermediaire: return 1
        case .superieure: return 2
        }
    }

    public static func < (lhs: Gamme, rhs: Gamme) -> Bool { lhs.rank < rhs.rank }

    /// Parses the forms found in INSEE workbooks and user tables: `proximite`,
    /// `proximité`, `P`, `gamme de proximité`, `intermédiaire`, `I`, `supérieure`,
    /// `superieur`, `S`… Case and accents are ignored. Nil for anything else.
    public init?(parsing text: String) {
        let folded = String(text.lowercased().map { c -> Character in
            switch c {
            case "é", "è", "ê": return "e"
            default: return c
            }
        }).trimmingEdges(" \t\"")
        let word = folded.hasPrefix("gamme ") ? String(folded.dropFirst(6)).replacingOccurrences(of: "de ", with: "") : folded
        switch word {
        case "p", "proximite", "prox", "1": self = .proximite
        case "i", "intermediaire", "inter", "2": self = .intermediaire
        case "s", "superieure", "superieur", "sup", "3": self = .superieure
        default: return nil
        }
    }
}

extension String {
    func trimmingEdges(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
