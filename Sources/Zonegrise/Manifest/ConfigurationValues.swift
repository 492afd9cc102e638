import ZonegriseCore

/// Parsing and checking of single parameter values, shared by the manifest reader and
/// the command-line overrides so both give the same messages.
enum ConfigurationValues {
    static func number(_ text: String, key: String, source: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "\"\(MessageText.excerpt(text))\" is not a number")
        }
        return value
    }

    /// A number in `range` (`lowerExcluded`: strictly above its lower bound), as read
    /// from the manifest or the command line; `unit` follows the range in the sentence
    /// ("minutes", "km/h", "" for a ratio). The limits are `InputLimits`'.
    static func bounded(_ text: String, key: String, source: String, _ range: ClosedRange<Double>, lowerExcluded: Bool = false,
                        unit: String) throws -> Double {
        let value = try number(text, key: key, source: source)
        try check(value, text: text, key: key, source: source, range, lowerExcluded: lowerExcluded, unit: unit)
        return value
    }

    /// Throws the sentence of `bounded` when `value` is outside `range`.
    static func check(_ value: Double, text: String, key: String, source: String, _ range: ClosedRange<Double>,
                      lowerExcluded: Bool = false, unit: String) throws {
        guard range.contains(value), !(lowerExcluded && value == range.lowerBound) else {
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "must be \(rangeText(range, lowerExcluded: lowerExcluded, unit: unit)), got \(MessageText.excerpt(text))")
        }
    }

    /// "more than 0 and at most 1,440 minutes", "from 1 to 300 km/h".
    static func rangeText(_ range: ClosedRange<Double>, lowerExcluded: Bool, unit: String) -> String {
        let suffix = unit.isEmpty ? "" : " " + unit
        let low = InputLimits.text(range.lowerBound), high = InputLimits.text(range.upperBound)
        return lowerExcluded ? "more than \(low) and at most \(high)\(suffix)" : "from \(low) to \(high)\(suffix)"
    }

    /// A whole number in `range` (the sentence of `bounded`, and "a whole number").
    static func whole(_ text: String, key: String, source: String, _ range: ClosedRange<Double>, unit: String) throws -> Int {
        let value = try bounded(text, key: key, source: source, range, unit: unit)
        guard value == value.rounded() else {
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "must be a whole number of \(unit), got \(MessageText.excerpt(text))")
        }
        return Int(value)
    }

    /// Minutes of a threshold or a band limit: more than 0, at most `InputLimits.maximumMinutes`.
    static func minutes(_ text: String, key: String, source: String) throws -> Double {
        try bounded(text, key: key, source: source, 0 ... InputLimits.maximumMinutes, lowerExcluded: true, unit: "minutes")
    }

    static func bool(_ text: String, key: String, source: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ZonegriseError.invalidParameter(source: source, key: key, detail: "\"\(MessageText.excerpt(text))\" is not true or false")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, key: String, source: String, as type: T.Type) throws -> T
        where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw ZonegriseError.invalidParameter(source: source, key: key,
                                                  detail: "\"\(MessageText.excerpt(text))\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

import Foundation

extension AnalysisConfiguration {
    /// Sets one parameter from text, validating it; `source` names where it came from
    /// (`demo.yaml:12`, `--threshold-proximite`).
    public mutating func apply(_ key: String, value: String, source: String) throws {
        switch key {
        case "poles.share":
            poleShare = try ConfigurationValues.bounded(value, key: key, source: source, 0 ... 1, lowerExcluded: true, unit: "(a share)")
        case "poles.hierarchy":
            poleHierarchy = try ConfigurationValues.bool(value, key: key, source: source)
        case "convention":
            timeModel.convention = try ConfigurationValues.choice(value, key: key, source: source, as: TimeConvention.self)
        case "time_model.kind":
            timeModel.kind = try ConfigurationValues.choice(value, key: key, source: source, as: TimeModelConfiguration.Kind.self)
        case "time_model.crowfly.speed_kmh":
            timeModel.speedKmh = try ConfigurationValues.bounded(value, key: key, source: source, InputLimits.speedKmh, unit: "km/h")
        case "time_model.crowfly.access_minutes":
            timeModel.accessMinutes = try ConfigurationValues.bounded(value, key: key, source: source, InputLimits.accessMinutes, unit: "minutes")
        case "time_model.crowfly.detour":
            timeModel.detour = try ConfigurationValues.bounded(value, key: key, source: source, InputLimits.detour, unit: "(a ratio)")
        case "time_model.crowfly.intra_commune":
            timeModel.intraCommune = try ConfigurationValues.bool(value, key: key, source: source)
        case "time_model.osm.offroad_speed_kmh":
            timeModel.offRoadSpeedKmh = try ConfigurationValues.bounded(value, key: key, source: source, InputLimits.speedKmh, unit: "km/h")
        case "time_model.osm.max_snap_metres":
            timeModel.maxSnapMetres = try ConfigurationValues.bounded(value, key: key, source: source, 0 ... InputLimits.maximumDistanceMetres,
                                                                      lowerExcluded: true, unit: "metres")
        case "time_model.matrix.missing":
            timeModel.matrixMissing = try ConfigurationValues.choice(value, key: key, source: source, as: MatrixModel.MissingPairs.self)
        case "thresholds.proximite", "thresholds.intermediaire", "thresholds.superieure":
            let gamme = Gamme(rawValue: String(key.dropFirst("thresholds.".count)))!
            thresholdMinutes[gamme] = try ConfigurationValues.minutes(value, key: key, source: source)
        case "comparison":
            comparison = try ConfigurationValues.choice(value, key: key, source: source, as: ThresholdComparison.self)
        case "bands":
            let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
            guard !pieces.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ZonegriseError.invalidParameter(source: source, key: key,
                                                      detail: "\"\(MessageText.excerpt(value))\" has an empty band limit; give increasing minutes separated by commas, e.g. 10,20,30")
            }
            let limits = try pieces.map {
                try ConfigurationValues.minutes(String($0), key: key, source: source)
            }
            guard !limits.isEmpty, zip(limits, limits.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ZonegriseError.invalidParameter(source: source, key: key, detail: "band limits must be increasing minutes, got \(value)")
            }
            bandLimitsMinutes = limits
        case "sectors.min_communes":
            sectorMinimum.communes = try ConfigurationValues.whole(value, key: key, source: source, 1 ... 100_000, unit: "communes")
        case "sectors.min_population":
            sectorMinimum.population = try ConfigurationValues.whole(value, key: key, source: source, 0 ... Double(InputLimits.maximumPopulation),
                                                                     unit: "inhabitants")
        case "outputs":
            let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty else {
                throw ZonegriseError.invalidParameter(source: source, key: key, detail: "names no output group; give some of \(OutputGroup.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let groups = try names.map { try ConfigurationValues.choice($0, key: key, source: source, as: OutputGroup.self) }
            outputGroups = OutputGroup.allCases.filter(groups.contains)
        case "sensitivity":
            sensitivity = try ConfigurationValues.bool(value, key: key, source: source)
        case "unmatched_rows":
            unmatchedRows = try ConfigurationValues.choice(value, key: key, source: source, as: UnmatchedRows.self)
        default:
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "unknown parameter")
        }
    }
}
