import ZonegriseCore

/// Parsing and checking of single parameter values, shared by the manifest reader and
/// the command-line overrides so both give the same messages.
enum ConfigurationValues {
    static func number(_ text: String, key: String, source: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "\"\(text)\" is not a number")
        }
        return value
    }

    static func positive(_ text: String, key: String, source: String, unit: String) throws -> Double {
        let value = try number(text, key: key, source: source)
        guard value > 0 else {
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "must be a positive number of \(unit), got \(text)")
        }
        return value
    }

    static func bool(_ text: String, key: String, source: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ZonegriseError.invalidParameter(source: source, key: key, detail: "\"\(text)\" is not true or false")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, key: String, source: String, as type: T.Type) throws -> T
        where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw ZonegriseError.invalidParameter(source: source, key: key,
                                                  detail: "\"\(text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
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
            let share = try ConfigurationValues.number(value, key: key, source: source)
            guard share > 0, share <= 1 else {
                throw ZonegriseError.invalidParameter(source: source, key: key, detail: "must be a share in (0, 1], got \(value)")
            }
            poleShare = share
        case "poles.hierarchy":
            poleHierarchy = try ConfigurationValues.bool(value, key: key, source: source)
        case "time_model.kind":
            timeModel.kind = try ConfigurationValues.choice(value, key: key, source: source, as: TimeModelConfiguration.Kind.self)
        case "time_model.crowfly.speed_kmh":
            timeModel.speedKmh = try ConfigurationValues.positive(value, key: key, source: source, unit: "km/h")
        case "time_model.crowfly.detour":
            let detour = try ConfigurationValues.positive(value, key: key, source: source, unit: "(a ratio)")
            guard detour >= 1 else {
                throw ZonegriseError.invalidParameter(source: source, key: key, detail: "a detour factor is at least 1, got \(value)")
            }
            timeModel.detour = detour
        case "time_model.crowfly.intra_commune":
            timeModel.intraCommune = try ConfigurationValues.bool(value, key: key, source: source)
        case "time_model.osm.offroad_speed_kmh":
            timeModel.offRoadSpeedKmh = try ConfigurationValues.positive(value, key: key, source: source, unit: "km/h")
        case "time_model.osm.max_snap_metres":
            timeModel.maxSnapMetres = try ConfigurationValues.positive(value, key: key, source: source, unit: "metres")
        case "time_model.matrix.missing":
            timeModel.matrixMissing = try ConfigurationValues.choice(value, key: key, source: source, as: MatrixModel.MissingPairs.self)
        case "thresholds.proximite", "thresholds.intermediaire", "thresholds.superieure":
            let gamme = Gamme(rawValue: String(key.dropFirst("thresholds.".count)))!
            thresholdMinutes[gamme] = try ConfigurationValues.positive(value, key: key, source: source, unit: "minutes")
        case "comparison":
            comparison = try ConfigurationValues.choice(value, key: key, source: source, as: ThresholdComparison.self)
        case "bands":
            let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
            guard !pieces.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ZonegriseError.invalidParameter(source: source, key: key,
                                                      detail: "\"\(value)\" has an empty band limit; give increasing minutes separated by commas, e.g. 10,20,30")
            }
            let limits = try pieces.map {
                try ConfigurationValues.positive(String($0), key: key, source: source, unit: "minutes")
            }
            guard !limits.isEmpty, zip(limits, limits.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ZonegriseError.invalidParameter(source: source, key: key, detail: "band limits must be increasing minutes, got \(value)")
            }
            bandLimitsMinutes = limits
        case "unmatched_rows":
            unmatchedRows = try ConfigurationValues.choice(value, key: key, source: source, as: UnmatchedRows.self)
        default:
            throw ZonegriseError.invalidParameter(source: source, key: key, detail: "unknown parameter")
        }
    }
}
