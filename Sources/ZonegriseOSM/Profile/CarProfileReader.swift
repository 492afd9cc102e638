import Yams
import ZonegriseCore
import ZonegriseYAML

/// Walks a profile's YAML tree.
struct CarProfileReader {
    let reader: ProfileYAMLReader

    static let topKeys = ["version", "name", "highway_speeds_kmh", "excluded_highways", "excluded_tags", "maxspeed",
                          "speed_cap_kmh", "service_speed_factors", "oneway", "access", "ferries", "peak_hour_factor"]

    func read(_ root: Node) throws -> CarProfile {
        let top = try required(root, "", Self.topKeys)
        guard try reader.text(top["version"]!, "version") == String(CarProfile.formatVersion) else {
            throw reader.fail(top["version"], "version", "this zonegrise reads car profile version \(CarProfile.formatVersion)")
        }
        let maxspeed = try required(top["maxspeed"]!, "maxspeed", ["factor", "symbols_kmh", "kinds_kmh"])
        let oneway = try required(top["oneway"]!, "oneway", ["tags", "implied_highways", "implied_junctions"])
        let access = try required(top["access"]!, "access", ["tags", "denied"])
        let ferries = try required(top["ferries"]!, "ferries", ["enabled", "speed_kmh"])

        let speeds = try numbers(top["highway_speeds_kmh"]!, "highway_speeds_kmh", InputLimits.speedKmh, unit: "km/h")
        guard !speeds.isEmpty else { throw reader.fail(top["highway_speeds_kmh"], "highway_speeds_kmh", "name at least one highway class") }
        let factor = try bounded(maxspeed["factor"]!, "maxspeed.factor", InputLimits.speedFactor, unit: "(a ratio)")
        let peak = try reader.number(top["peak_hour_factor"]!, "peak_hour_factor")
        guard peak >= 0.5, peak <= 5 else {
            throw reader.fail(top["peak_hour_factor"], "peak_hour_factor", "must be between 0.5 and 5 (1 is free flow), got \(peak)")
        }
        var excludedTags: [String: Set<String>] = [:]
        for (key, node) in try pairs(top["excluded_tags"]!, "excluded_tags") {
            excludedTags[key] = Set(try words(node, "excluded_tags." + key))
        }
        return CarProfile(
            name: try reader.text(top["name"]!, "name"),
            highwaySpeedsKmh: speeds,
            excludedHighways: Set(try words(top["excluded_highways"]!, "excluded_highways")),
            excludedTags: excludedTags,
            maxspeedFactor: factor,
            maxspeedSymbolsKmh: try numbers(maxspeed["symbols_kmh"]!, "maxspeed.symbols_kmh", InputLimits.speedKmh, unit: "km/h"),
            maxspeedKindsKmh: try numbers(maxspeed["kinds_kmh"]!, "maxspeed.kinds_kmh", InputLimits.speedKmh, unit: "km/h"),
            speedCapKmh: try bounded(top["speed_cap_kmh"]!, "speed_cap_kmh", InputLimits.speedKmh, unit: "km/h"),
            serviceSpeedFactors: try numbers(top["service_speed_factors"]!, "service_speed_factors", InputLimits.speedFactor, unit: "(a ratio)"),
            onewayTags: try words(oneway["tags"]!, "oneway.tags"),
            impliedOnewayHighways: Set(try words(oneway["implied_highways"]!, "oneway.implied_highways")),
            impliedOnewayJunctions: Set(try words(oneway["implied_junctions"]!, "oneway.implied_junctions")),
            accessTags: try words(access["tags"]!, "access.tags"),
            deniedAccessValues: Set(try words(access["denied"]!, "access.denied")),
            ferries: try reader.bool(ferries["enabled"]!, "ferries.enabled"),
            ferrySpeedKmh: try bounded(ferries["speed_kmh"]!, "ferries.speed_kmh", InputLimits.speedKmh, unit: "km/h"),
            peakHourFactor: peak)
    }

    /// The values of a mapping that must have exactly `keys`.
    private func required(_ node: Node, _ key: String, _ keys: [String]) throws -> [String: Node] {
        var result: [String: Node] = [:]
        for (name, value) in try reader.mapping(node, key, allowed: keys) {
            guard result[name] == nil else { throw reader.fail(value, join(key, name), "appears twice") }
            result[name] = value
        }
        for name in keys where result[name] == nil {
            throw reader.fail(node, join(key, name), "missing; a car profile states every value (see profiles/car.yaml)")
        }
        return result
    }

    /// The entries of a mapping with free keys (highway classes, symbols).
    private func pairs(_ node: Node, _ key: String) throws -> [(String, Node)] {
        guard case let .mapping(mapping) = node else { throw reader.fail(node, key, "expected a mapping of names to values") }
        var seen: Set<String> = []
        var result: [(String, Node)] = []
        for (k, v) in mapping {
            guard let name = k.string, !name.isEmpty else { throw reader.fail(k, key, "keys must be text") }
            guard seen.insert(name.lowercased()).inserted else { throw reader.fail(k, join(key, name), "appears twice") }
            result.append((name, v))
        }
        return result
    }

    private func numbers(_ node: Node, _ key: String, _ range: ClosedRange<Double>, unit: String) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (name, value) in try pairs(node, key) {
            result[name] = try bounded(value, join(key, name), range, unit: unit)
        }
        return result
    }

    /// A number in `range` (`InputLimits`: speeds 1 to 300 km/h, ratios 0.05 to 2).
    private func bounded(_ node: Node, _ key: String, _ range: ClosedRange<Double>, unit: String) throws -> Double {
        let value = try reader.number(node, key)
        guard range.contains(value) else {
            throw reader.fail(node, key, "must be \(InputLimits.text(range)) \(unit), got \(BandScheme.text(value))")
        }
        return value
    }

    /// A list of words (a single word counts as a list of one).
    private func words(_ node: Node, _ key: String) throws -> [String] {
        try reader.list(node, key).map { item in
            let word = try reader.text(item, key)
            guard !word.isEmpty else { throw reader.fail(item, key, "empty value in the list") }
            return word
        }
    }

    private func join(_ key: String, _ name: String) -> String { key.isEmpty ? name : key + "." + name }
}
