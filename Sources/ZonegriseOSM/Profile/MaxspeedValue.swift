import Foundation
import ZonegriseCore

/// A `maxspeed` tag value, read.
///
/// Accepted forms (case and surrounding spaces ignored):
/// - a number of km/h, with or without a unit: `50`, `50 km/h`, `50 kmh`, `50 kph`, `32.5`;
/// - miles or knots: `30 mph`, `30mph`, `10 knots` (× 1.609344, × 1.852);
/// - several values, `50;70` or a range `50-70`: the lowest is kept (the conservative
///   choice: a second value is usually a conditional or a lane's limit);
/// - a symbol of the profile's table (`FR:urban` 50, `FR:rural` 80, `FR:motorway` 130,
///   `FR:zone30` 30, `FR:walk` 6, `walk`…), else `xx:zoneNN` / `xx:zone:NN` as NN, else
///   `xx:kind` by the kind table (`urban`, `rural`, `trunk`, `motorway`…);
/// - `none` (no limit): `.unlimited`; `signals`, `variable`, `implicit`: `.unspecified`;
/// - anything else, zero, and numbers below `InputLimits.speedKmh` (1 km/h, after the
///   unit is applied: an edge would take years): `.unreadable`. A number above the range
///   is kept; the profile's `speed_cap_kmh` bounds it.
public enum MaxspeedValue: Hashable, Sendable {
    case kmh(Double)
    /// `none`: no posted limit (German autobahns). The profile uses the class speed.
    case unlimited
    /// A valid value that gives no number (`signals`, `variable`): the class speed.
    case unspecified
    /// Not a speed: the class speed, with a warning.
    case unreadable

    static let kmPerMile = 1.609344
    static let kmPerNauticalMile = 1.852

    /// Reads `text` with the symbol tables of `profile`.
    /// - Complexity: O(length of text).
    public static func parse(_ text: String, symbols: [String: Double], kinds: [String: Double]) -> MaxspeedValue {
        let value = parseAnySpeed(text, symbols: symbols, kinds: kinds)
        if case let .kmh(speed) = value, speed < InputLimits.speedKmh.lowerBound { return .unreadable }
        return value
    }

    /// `parse` without the range check (each part of `50;70` is checked by `parse`).
    private static func parseAnySpeed(_ text: String, symbols: [String: Double], kinds: [String: Double]) -> MaxspeedValue {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value.isEmpty { return .unreadable }
        switch value {
        case "none": return .unlimited
        case "signals", "variable", "implicit": return .unspecified
        default: break
        }
        if let symbol = symbols[value] { return .kmh(symbol) }
        if value.contains(";") {
            return lowest(value.split(separator: ";", omittingEmptySubsequences: false).map {
                parse(String($0), symbols: symbols, kinds: kinds)
            })
        }
        if let speed = number(value) { return speed > 0 ? .kmh(speed) : .unreadable }
        // A range "50-70", "50 - 70 mph": both sides must be numbers (a symbol such as
        // "be-bru:rural" contains a hyphen too).
        let sides = value.split(separator: "-", omittingEmptySubsequences: false)
        if sides.count == 2 {
            let left = String(sides[0]), unit = unitSuffix(of: String(sides[1]))
            // "50-70 mph": the unit written once applies to both sides.
            let low = unitSuffix(of: left).isEmpty ? number(left + unit) : number(left)
            if let low, let high = number(String(sides[1])), low > 0, high > 0 { return .kmh(min(low, high)) }
        }
        if let colon = value.firstIndex(of: ":") {
            let rest = value[value.index(after: colon)...]
            if rest.hasPrefix("zone") {
                let digits = rest.dropFirst(4).drop(while: { $0 == ":" })
                if let speed = Double(digits), speed > 0 { return .kmh(speed) }
            }
            if let kind = kinds[String(rest)] { return .kmh(kind) }
        }
        return .unreadable
    }

    /// The smallest speed among `values`; unreadable if any part is unreadable.
    private static func lowest(_ values: [MaxspeedValue]) -> MaxspeedValue {
        var best: Double?
        for value in values {
            switch value {
            case let .kmh(speed): best = min(best ?? speed, speed)
            case .unlimited, .unspecified: continue
            case .unreadable: return .unreadable
            }
        }
        return best.map { .kmh($0) } ?? .unspecified
    }

    /// km/h for "50", "50 km/h", "30 mph", "10 knots", or nil.
    private static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !digits.isEmpty, let value = Double(digits), value.isFinite else { return nil }
        switch trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces) {
        case "", "km/h", "kmh", "kph", "km/hr": return value
        case "mph": return value * kmPerMile
        case "knots", "kn", "knot": return value * kmPerNauticalMile
        default: return nil
        }
    }

    /// The unit written after the last number of `text` (" mph" in "70 mph"), or "".
    private static func unitSuffix(of text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unit = trimmed.drop { $0.isASCII && ($0.isNumber || $0 == ".") }
        return unit.isEmpty ? "" : " " + unit
    }
}
