import ZonegriseNative

extension CarProfile {
    /// The profile as canonical text: one `key value` line per setting, sets and tables
    /// sorted, numbers in Swift's shortest round-trip form. Two profiles have the same text
    /// exactly when they are equal, whatever the order or comments of their YAML files.
    /// Part of the key of a cached road graph.
    public var canonicalText: String {
        var lines = ["zonegrise-car-profile \(Self.formatVersion)", "name \(name)"]
        func number(_ value: Double) -> String { "\(value)" }
        func table(_ prefix: String, _ values: [String: Double]) {
            for key in values.keys.sorted() { lines.append("\(prefix) \(key) \(number(values[key]!))") }
        }
        func set(_ prefix: String, _ values: Set<String>) {
            lines.append("\(prefix) \(values.sorted().joined(separator: ","))")
        }
        table("highway-speed-kmh", highwaySpeedsKmh)
        set("excluded-highways", excludedHighways)
        for key in excludedTags.keys.sorted() { set("excluded-tag \(key)", excludedTags[key]!) }
        lines.append("maxspeed-factor \(number(maxspeedFactor))")
        table("maxspeed-symbol-kmh", maxspeedSymbolsKmh)
        table("maxspeed-kind-kmh", maxspeedKindsKmh)
        lines.append("speed-cap-kmh \(number(speedCapKmh))")
        table("service-speed-factor", serviceSpeedFactors)
        lines.append("oneway-tags \(onewayTags.joined(separator: ","))")  // order matters
        set("oneway-implied-highways", impliedOnewayHighways)
        set("oneway-implied-junctions", impliedOnewayJunctions)
        lines.append("access-tags \(accessTags.joined(separator: ","))")  // order matters
        set("access-denied", deniedAccessValues)
        lines.append("ferries \(ferries)")
        lines.append("ferry-speed-kmh \(number(ferrySpeedKmh))")
        lines.append("peak-hour-factor \(number(peakHourFactor))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 of `canonicalText`, 64 lowercase hex digits.
    /// - Complexity: O(size of the profile), microseconds.
    public var fingerprint: String {
        SHA256Digest.hex(Array(canonicalText.utf8))
    }
}
