import Foundation
import ZonegriseCore

/// The `duration` tag of a ferry, in seconds.
///
/// OSM writes it `HH:MM`, `HH:MM:SS`, `MM` (minutes), or ISO 8601 `PT1H30M`, `PT45M`,
/// `PT90S` (the forms OSRM reads). Anything else, zero, or more than a day
/// (`InputLimits.maximumMinutes`: a crossing time, not a typo such as `9999:00`) is nil.
enum OSMDuration {
    /// - Complexity: O(length of text).
    static func seconds(_ text: String) -> Double? {
        guard let seconds = anySeconds(text), seconds <= InputLimits.maximumMinutes * 60 else { return nil }
        return seconds
    }

    private static func anySeconds(_ text: String) -> Double? {
        let value = text.trimmingCharacters(in: .whitespaces).uppercased()
        if value.hasPrefix("P") { return iso8601(value) }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        let numbers = parts.map { Double($0) }
        guard numbers.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let n = numbers.map { $0! }
        let seconds: Double = switch n.count {
        case 1: n[0] * 60
        case 2: n[0] * 3600 + n[1] * 60
        default: n[0] * 3600 + n[1] * 60 + n[2]
        }
        return seconds > 0 && seconds.isFinite ? seconds : nil
    }

    /// `P[nD]T[nH][nM][nS]`.
    private static func iso8601(_ value: String) -> Double? {
        var total = 0.0
        var number = ""
        var inTime = false
        var sawUnit = false
        for character in value.dropFirst() {
            switch character {
            case "T": inTime = true
            case "0"..."9", ".": number.append(character)
            case "D", "H", "M", "S":
                guard let n = Double(number) else { return nil }
                number = ""
                sawUnit = true
                switch (character, inTime) {
                case ("D", false): total += n * 86_400
                case ("H", true): total += n * 3600
                case ("M", true): total += n * 60
                case ("S", true): total += n
                default: return nil  // months or years: not a crossing time
                }
            default: return nil
            }
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }
}
