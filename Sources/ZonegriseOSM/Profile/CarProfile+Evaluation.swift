extension CarProfile {
    /// How a car may use a way with `tags`, or nil when it may not.
    ///
    /// In order:
    /// 1. any `excludedTags` pair (`area=yes`, `impassable=yes`, `oneway=reversible`…): nil;
    /// 2. `route=ferry`: nil unless `ferries`; otherwise both ways (or as `oneway` says),
    ///    at `ferrySpeedKmh`, or in `duration` when readable;
    /// 3. `highway`: nil when absent, excluded, or without a class speed;
    /// 4. access: the first of `accessTags` present decides; a value in
    ///    `deniedAccessValues` gives nil (`access=no` with `motor_vehicle=yes` is drivable);
    /// 5. direction: the first of `onewayTags` present; yes/true/1 forward only,
    ///    -1/reverse backward only, no/false/0/alternating both ways; absent or unreadable:
    ///    one-way forward on `impliedOnewayHighways` and `impliedOnewayJunctions`, else
    ///    both ways;
    /// 6. speed per direction: `maxspeed:forward` / `:backward`, else `maxspeed`; a limit
    ///    L gives L × `maxspeedFactor`, without one (absent, `none`, `signals`,
    ///    unreadable) the class speed; then × the `serviceSpeedFactors` of a service way;
    ///    then at most `speedCapKmh`.
    /// - Complexity: O(number of tags) dictionary look-ups.
    public func evaluate(tags: [String: String]) -> WayRule? {
        for (key, refused) in excludedTags {
            if let value = tags[key], refused.contains(value) { return nil }
        }
        var issues: WayIssues = []
        if tags["route"] == "ferry" {
            guard ferries, accessAllowed(tags) else { return nil }
            let (forward, backward) = directions(tags, impliedOneway: false, issues: &issues)
            var duration: Double?
            if let text = tags["duration"] {
                duration = OSMDuration.seconds(text)
                if duration == nil { issues.insert(.unreadableDuration) }
            }
            let speed = min(ferrySpeedKmh, speedCapKmh)
            return WayRule(forward: forward, backward: backward, forwardSpeedKmh: speed, backwardSpeedKmh: speed,
                           isFerry: true, durationSeconds: duration, issues: issues)
        }
        guard let highway = tags["highway"], !excludedHighways.contains(highway),
              let classSpeed = highwaySpeedsKmh[highway], accessAllowed(tags) else { return nil }
        let implied = impliedOnewayHighways.contains(highway) || tags["junction"].map(impliedOnewayJunctions.contains) == true
        let (forward, backward) = directions(tags, impliedOneway: implied, issues: &issues)

        var factor = 1.0
        if highway == "service", let service = tags["service"], let serviceFactor = serviceSpeedFactors[service] {
            factor = serviceFactor
        }
        let common = tags["maxspeed"]
        let forwardSpeed = speed(tags["maxspeed:forward"] ?? common, classSpeed: classSpeed, factor: factor, issues: &issues)
        let backwardSpeed = speed(tags["maxspeed:backward"] ?? common, classSpeed: classSpeed, factor: factor, issues: &issues)
        return WayRule(forward: forward, backward: backward, forwardSpeedKmh: forwardSpeed, backwardSpeedKmh: backwardSpeed,
                       issues: issues)
    }

    /// The speed limit `text` read with this profile's symbol tables.
    public func maxspeed(_ text: String) -> MaxspeedValue {
        MaxspeedValue.parse(text, symbols: maxspeedSymbolsKmh, kinds: maxspeedKindsKmh)
    }

    /// False when the most specific access tag present refuses cars.
    private func accessAllowed(_ tags: [String: String]) -> Bool {
        for key in accessTags {
            if let value = tags[key] { return !deniedAccessValues.contains(value) }
        }
        return true
    }

    /// (forward, backward) allowed.
    private func directions(_ tags: [String: String], impliedOneway: Bool, issues: inout WayIssues) -> (Bool, Bool) {
        let fallback = (true, !impliedOneway)
        guard let value = onewayTags.lazy.compactMap({ tags[$0] }).first else { return fallback }
        switch value {
        case "yes", "true", "1": return (true, false)
        case "-1", "reverse": return (false, true)
        case "no", "false", "0", "alternating": return (true, true)
        default:
            issues.insert(.unreadableOneway)
            return fallback
        }
    }

    /// km/h for one direction.
    private func speed(_ maxspeedText: String?, classSpeed: Double, factor: Double, issues: inout WayIssues) -> Double {
        var speed = classSpeed
        if let maxspeedText {
            switch maxspeed(maxspeedText) {
            case let .kmh(limit): speed = limit * maxspeedFactor
            case .unlimited, .unspecified: break
            case .unreadable: issues.insert(.unreadableMaxspeed)
            }
        }
        return min(speed * factor, speedCapKmh)
    }

    /// A time in deciseconds for `metres` at `speedKmh`, × `peakHourFactor`, rounded,
    /// at least 1 (a zero-time edge would make distinct places coincide), at most
    /// `UInt32.max`.
    /// - Complexity: O(1).
    public func deciseconds(metres: Double, speedKmh: Double) -> UInt32 {
        deciseconds(seconds: metres / (speedKmh / 3.6))
    }

    /// `seconds` in deciseconds × `peakHourFactor`, rounded, within 1...UInt32.max.
    public func deciseconds(seconds: Double) -> UInt32 {
        let value = (seconds * 10 * peakHourFactor).rounded()
        guard value.isFinite else { return UInt32.max }
        return UInt32(min(max(value, 1), Double(UInt32.max)))
    }
}
