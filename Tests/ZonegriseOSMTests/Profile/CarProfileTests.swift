import Foundation
import Testing
@testable import ZonegriseOSM

@Suite struct CarProfileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let carYAML = root.appendingPathComponent("profiles/car.yaml").path
    let car = CarProfile.standard

    // MARK: maxspeed

    @Test(arguments: [
        ("50", 50.0), (" 50 ", 50), ("50 km/h", 50), ("50km/h", 50), ("50 kmh", 50), ("50 kph", 50), ("32.5", 32.5),
        ("110", 110),
        ("FR:urban", 50), ("fr:urban", 50), ("FR:rural", 80), ("FR:trunk", 110), ("FR:motorway", 130),
        ("FR:zone30", 30), ("FR:zone20", 20), ("FR:walk", 6), ("walk", 6), ("FR:living_street", 20),
        ("DE:zone:30", 30), ("DE:zone30", 30), ("IT:urban", 50), ("DE:rural", 90), ("be-bru:rural", 90), ("AT:motorway", 130),
    ])
    func maxspeedInKilometresPerHour(text: String, kmh: Double) {
        #expect(car.maxspeed(text) == .kmh(kmh))
    }

    @Test func maxspeedInMilesAndKnots() throws {
        for text in ["30 mph", "30mph", "30 MPH"] {
            guard case let .kmh(speed) = car.maxspeed(text) else { Issue.record("\(text) not read"); continue }
            #expect(abs(speed - 48.28032) < 1e-9)
        }
        guard case let .kmh(knots) = car.maxspeed("10 knots") else { Issue.record("knots not read"); return }
        #expect(abs(knots - 18.52) < 1e-9)
    }

    @Test func maxspeedListsAndRangesTakeTheLowest() throws {
        #expect(car.maxspeed("50;70") == .kmh(50))
        #expect(car.maxspeed("70;50") == .kmh(50))
        #expect(car.maxspeed("50-70") == .kmh(50))
        #expect(car.maxspeed("90 - 70") == .kmh(70))
        #expect(car.maxspeed("FR:urban;30") == .kmh(30))
        #expect(car.maxspeed("50;none") == .kmh(50))
        guard case let .kmh(mph) = car.maxspeed("50-70 mph") else { Issue.record("mph range not read"); return }
        #expect(abs(mph - 50 * 1.609344) < 1e-9)
        #expect(car.maxspeed("50;fast") == .unreadable)
        #expect(car.maxspeed("50-") == .unreadable)
    }

    @Test func maxspeedWithoutANumber() {
        #expect(car.maxspeed("none") == .unlimited)
        #expect(car.maxspeed("NONE") == .unlimited)
        #expect(car.maxspeed("signals") == .unspecified)
        #expect(car.maxspeed("variable") == .unspecified)
        for garbage in ["", "fast", "0", "-10", "50 furlongs", "FR:nowhere", "xx", "5O", "50..", "∞"] {
            #expect(car.maxspeed(garbage) == .unreadable, "\(garbage)")
        }
    }

    // MARK: speeds

    @Test func classSpeedsAndMaxspeedRule() throws {
        #expect(try #require(car.evaluate(tags: ["highway": "primary"])).forwardSpeedKmh == 65)
        #expect(try #require(car.evaluate(tags: ["highway": "motorway_link"])).forwardSpeedKmh == 45)
        #expect(try #require(car.evaluate(tags: ["highway": "tertiary_link"])).forwardSpeedKmh == 20)
        // A limit replaces the class speed, × 0.8, up or down.
        #expect(try #require(car.evaluate(tags: ["highway": "primary", "maxspeed": "50"])).forwardSpeedKmh == 40)
        #expect(try #require(car.evaluate(tags: ["highway": "residential", "maxspeed": "50"])).forwardSpeedKmh == 40)
        #expect(try #require(car.evaluate(tags: ["highway": "secondary", "maxspeed": "FR:rural"])).forwardSpeedKmh == 64)
        #expect(try #require(car.evaluate(tags: ["highway": "motorway", "maxspeed": "130"])).forwardSpeedKmh == 104)
        // none, signals: the class speed, no warning.
        let unlimited = try #require(car.evaluate(tags: ["highway": "motorway", "maxspeed": "none"]))
        #expect(unlimited.forwardSpeedKmh == 90 && unlimited.issues.isEmpty)
        #expect(try #require(car.evaluate(tags: ["highway": "trunk", "maxspeed": "signals"])).forwardSpeedKmh == 85)
        // Garbage: the class speed and a warning.
        let garbage = try #require(car.evaluate(tags: ["highway": "secondary", "maxspeed": "fast"]))
        #expect(garbage.forwardSpeedKmh == 55 && garbage.backwardSpeedKmh == 55 && garbage.issues == .unreadableMaxspeed)
        // The cap.
        #expect(try #require(car.evaluate(tags: ["highway": "motorway", "maxspeed": "500"])).forwardSpeedKmh == 130)
        // Per direction.
        let split = try #require(car.evaluate(tags: ["highway": "primary", "maxspeed": "70", "maxspeed:backward": "50"]))
        #expect(split.forwardSpeedKmh == 56 && split.backwardSpeedKmh == 40)
        let forwardOnly = try #require(car.evaluate(tags: ["highway": "primary", "maxspeed:forward": "30"]))
        #expect(forwardOnly.forwardSpeedKmh == 24 && forwardOnly.backwardSpeedKmh == 65)
        // Service ways by kind.
        #expect(try #require(car.evaluate(tags: ["highway": "service", "service": "parking_aisle"])).forwardSpeedKmh == 7.5)
        #expect(try #require(car.evaluate(tags: ["highway": "service", "service": "driveway"])).forwardSpeedKmh == 7.5)
        #expect(try #require(car.evaluate(tags: ["highway": "service"])).forwardSpeedKmh == 15)
    }

    // MARK: direction

    @Test(arguments: [
        ("yes", true, false), ("true", true, false), ("1", true, false),
        ("-1", false, true), ("reverse", false, true),
        ("no", true, true), ("false", true, true), ("0", true, true), ("alternating", true, true),
    ])
    func onewayValues(value: String, forward: Bool, backward: Bool) throws {
        let rule = try #require(car.evaluate(tags: ["highway": "residential", "oneway": value]))
        #expect(rule.forward == forward && rule.backward == backward && rule.issues.isEmpty)
    }

    @Test func onewayAbsentUnreadableOrReversible() throws {
        let plain = try #require(car.evaluate(tags: ["highway": "residential"]))
        #expect(plain.forward && plain.backward)
        let odd = try #require(car.evaluate(tags: ["highway": "residential", "oneway": "maybe"]))
        #expect(odd.forward && odd.backward && odd.issues == .unreadableOneway)
        let oddMotorway = try #require(car.evaluate(tags: ["highway": "motorway", "oneway": "maybe"]))
        #expect(oddMotorway.forward && !oddMotorway.backward)  // the implied direction
        #expect(car.evaluate(tags: ["highway": "tertiary", "oneway": "reversible"]) == nil)
        // The most specific oneway key decides.
        let carsBothWays = try #require(car.evaluate(tags: ["highway": "residential", "oneway": "yes", "oneway:motorcar": "no"]))
        #expect(carsBothWays.forward && carsBothWays.backward)
        let vehicles = try #require(car.evaluate(tags: ["highway": "residential", "oneway:vehicle": "-1"]))
        #expect(!vehicles.forward && vehicles.backward)
        // A bicycle-only exception does not concern cars.
        let bicycles = try #require(car.evaluate(tags: ["highway": "residential", "oneway": "yes", "oneway:bicycle": "no"]))
        #expect(bicycles.forward && !bicycles.backward)
    }

    @Test(arguments: ["roundabout", "circular"])
    func roundaboutsAreOneWay(junction: String) throws {
        let rule = try #require(car.evaluate(tags: ["highway": "tertiary", "junction": junction]))
        #expect(rule.forward && !rule.backward)
        let tagged = try #require(car.evaluate(tags: ["highway": "tertiary", "junction": junction, "oneway": "no"]))
        #expect(tagged.forward && tagged.backward)
        let other = try #require(car.evaluate(tags: ["highway": "tertiary", "junction": "yes"]))
        #expect(other.forward && other.backward)
    }

    @Test(arguments: ["motorway", "motorway_link"])
    func motorwaysAreImpliedOneWay(highway: String) throws {
        let rule = try #require(car.evaluate(tags: ["highway": highway]))
        #expect(rule.forward && !rule.backward)
        let twoWay = try #require(car.evaluate(tags: ["highway": highway, "oneway": "no"]))
        #expect(twoWay.forward && twoWay.backward)
        let reversed = try #require(car.evaluate(tags: ["highway": highway, "oneway": "-1"]))
        #expect(!reversed.forward && reversed.backward)
    }

    @Test(arguments: ["trunk", "trunk_link", "primary_link", "primary"])
    func otherClassesAreTwoWay(highway: String) throws {
        let rule = try #require(car.evaluate(tags: ["highway": highway]))
        #expect(rule.forward && rule.backward)
    }

    // MARK: exclusions

    @Test(arguments: ["motorcar", "motor_vehicle", "vehicle", "access"])
    func deniedAccessValuesExcludeTheWay(key: String) {
        for value in ["no", "private", "agricultural", "forestry", "emergency", "psv", "customers", "delivery"] {
            #expect(car.evaluate(tags: ["highway": "residential", key: value]) == nil, "\(key)=\(value)")
        }
        for value in ["yes", "destination", "permissive", "designated"] {
            #expect(car.evaluate(tags: ["highway": "residential", key: value]) != nil, "\(key)=\(value)")
        }
    }

    @Test func theMostSpecificAccessTagDecides() {
        #expect(car.evaluate(tags: ["highway": "service", "access": "no", "motor_vehicle": "yes"]) != nil)
        #expect(car.evaluate(tags: ["highway": "service", "access": "private", "motorcar": "destination"]) != nil)
        #expect(car.evaluate(tags: ["highway": "service", "access": "yes", "motorcar": "no"]) == nil)
        #expect(car.evaluate(tags: ["highway": "service", "vehicle": "no", "motor_vehicle": "yes"]) != nil)
        #expect(car.evaluate(tags: ["highway": "service", "motor_vehicle": "private", "vehicle": "yes"]) == nil)
        #expect(car.evaluate(tags: ["highway": "primary", "bicycle": "no", "foot": "no"]) != nil)
    }

    @Test func highwaysNotForCarsAreExcluded() {
        for highway in ["track", "footway", "cycleway", "path", "steps", "pedestrian", "bridleway", "construction",
                        "proposed", "platform", "corridor", "bus_guideway", "busway", "raceway", "elevator", "road",
                        "bus_stop", "rest_area", "services", "abandoned"] {
            #expect(car.evaluate(tags: ["highway": highway]) == nil, "highway=\(highway)")
        }
        #expect(car.evaluate(tags: ["highway": "residential", "area": "yes"]) == nil)
        #expect(car.evaluate(tags: ["highway": "pedestrian", "area": "yes"]) == nil)
        #expect(car.evaluate(tags: ["highway": "residential", "area": "no"]) != nil)
        #expect(car.evaluate(tags: ["highway": "unclassified", "impassable": "yes"]) == nil)
        #expect(car.evaluate(tags: ["highway": "unclassified", "status": "impassable"]) == nil)
        #expect(car.evaluate(tags: ["building": "yes"]) == nil)
        #expect(car.evaluate(tags: [:]) == nil)
        // Tracks are one edit away.
        var withTracks = car
        withTracks.excludedHighways.remove("track")
        #expect(withTracks.evaluate(tags: ["highway": "track"])?.forwardSpeedKmh == 15)
    }

    // MARK: ferries

    @Test func ferriesAreOffByDefaultAndOnWhenAsked() throws {
        #expect(car.evaluate(tags: ["route": "ferry"]) == nil)
        var ferries = car
        ferries.ferries = true
        let plain = try #require(ferries.evaluate(tags: ["route": "ferry"]))
        #expect(plain.isFerry && plain.forward && plain.backward && plain.forwardSpeedKmh == 5 && plain.durationSeconds == nil)
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "01:30"])).durationSeconds == 5400)
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "45"])).durationSeconds == 2700)
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "1:02:03"])).durationSeconds == 3723)
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "PT1H30M"])).durationSeconds == 5400)
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "PT90S"])).durationSeconds == 90)
        let garbage = try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "about an hour"]))
        #expect(garbage.durationSeconds == nil && garbage.issues == .unreadableDuration)
        // More than a day (9999:00, P400D) is a typo, not a crossing: it used to make an
        // edge of UInt32.max deciseconds.
        #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": "24:00"])).durationSeconds == 86_400)
        for bad in ["0", "P1M", "1:xx", "", "PT", "-5", "9999:00", "P400D", "24:00:01"] {
            #expect(try #require(ferries.evaluate(tags: ["route": "ferry", "duration": bad])).issues == .unreadableDuration, "\(bad)")
        }
        // Passenger-only ferries and one-way crossings.
        #expect(ferries.evaluate(tags: ["route": "ferry", "motor_vehicle": "no"]) == nil)
        let oneWay = try #require(ferries.evaluate(tags: ["route": "ferry", "oneway": "yes"]))
        #expect(oneWay.forward && !oneWay.backward)
    }

    // MARK: times

    @Test func peakHourFactorMultipliesEveryTime() {
        #expect(car.deciseconds(metres: 1000, speedKmh: 36) == 1000)
        #expect(car.deciseconds(metres: 100, speedKmh: 65) == 55)  // 5.538 s
        #expect(car.deciseconds(metres: 0, speedKmh: 50) == 1)  // never 0
        #expect(car.deciseconds(seconds: 1e12) == UInt32.max)
        var peak = car
        peak.peakHourFactor = 1.15
        #expect(peak.deciseconds(metres: 1000, speedKmh: 36) == 1150)
        #expect(peak.deciseconds(seconds: 5400) == 62_100)
    }

    @Test func warningsAreCountedWithExamples() throws {
        var warnings = CarProfileWarnings()
        for id in 1...7 {
            let tags = ["highway": "primary", "maxspeed": "fast\(id)"]
            warnings.record(try #require(car.evaluate(tags: tags)).issues, tags: tags, wayID: Int64(id))
        }
        let oneway = ["highway": "primary", "oneway": "sometimes"]
        warnings.record(try #require(car.evaluate(tags: oneway)).issues, tags: oneway, wayID: 8)
        #expect(warnings.unreadableMaxspeed == 7 && warnings.unreadableOneway == 1 && warnings.total == 8)
        #expect(warnings.messages == [
            "7 way(s) have a maxspeed that is not a speed; their class speed was used (e.g. way 1 maxspeed=\"fast1\", way 2 maxspeed=\"fast2\", way 3 maxspeed=\"fast3\", way 4 maxspeed=\"fast4\", way 5 maxspeed=\"fast5\")",
            "1 way(s) have an unreadable oneway value; their implied direction was used (e.g. way 8 oneway=\"sometimes\")",
        ])
    }

    // MARK: the profile file

    @Test func defaultProfileFileIsTheStandardProfile() throws {
        let loaded = try CarProfile.load(path: Self.carYAML)
        #expect(loaded == CarProfile.standard)
        #expect(loaded.fingerprint == CarProfile.standard.fingerprint)
        #expect(loaded.fingerprint.count == 64)
        #expect(loaded.canonicalText.hasPrefix("zonegrise-car-profile 1\nname car\nhighway-speed-kmh living_street 10.0\n"))
    }

    @Test func fingerprintFollowsValuesNotLayout() throws {
        let text = try String(contentsOfFile: Self.carYAML, encoding: .utf8)
        // Comments removed and two sections swapped: same profile, same fingerprint.
        let bare = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
        let moved = bare.replacingOccurrences(of: "speed_cap_kmh: 130\n", with: "") + "\nspeed_cap_kmh: 130\n"
        #expect(try CarProfile.parse(moved, path: "moved.yaml").fingerprint == CarProfile.standard.fingerprint)
        let peak = text.replacingOccurrences(of: "peak_hour_factor: 1.0", with: "peak_hour_factor: 1.15")
        let peakProfile = try CarProfile.parse(peak, path: "peak.yaml")
        #expect(peakProfile.peakHourFactor == 1.15)
        #expect(peakProfile.fingerprint != CarProfile.standard.fingerprint)
        var slower = CarProfile.standard
        slower.highwaySpeedsKmh["primary"] = 64
        #expect(slower.fingerprint != CarProfile.standard.fingerprint)
    }

    @Test func invalidProfilesSayWhereAndWhat() throws {
        let text = try String(contentsOfFile: Self.carYAML, encoding: .utf8)
        func message(_ yaml: String) -> String {
            do {
                _ = try CarProfile.parse(yaml, path: "my.yaml")
                return "(no error)"
            } catch {
                return "\(error)"
            }
        }
        func line(of needle: String) -> Int {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
        }
        let primary = line(of: "  primary: 65")
        #expect(message(text.replacingOccurrences(of: "  primary: 65", with: "  primary: -65"))
            == "my.yaml:\(primary): highway_speeds_kmh.primary: must be from 1 to 300 km/h, got -65.")
        #expect(message(text.replacingOccurrences(of: "  primary: 65", with: "  primary: fast"))
            == "my.yaml:\(primary): highway_speeds_kmh.primary: \"fast\" is not a number.")
        let cap = line(of: "speed_cap_kmh: 130")
        #expect(message(text.replacingOccurrences(of: "speed_cap_kmh: 130", with: "speed_cap: 130"))
            == "my.yaml:\(cap): speed_cap: unknown key (allowed here: \(ProfileKeys.top)).")
        let peak = line(of: "peak_hour_factor: 1.0")
        #expect(message(text.replacingOccurrences(of: "peak_hour_factor: 1.0", with: "peak_hour_factor: 9"))
            == "my.yaml:\(peak): peak_hour_factor: must be between 0.5 and 5 (1 is free flow), got 9.0.")
        let enabled = line(of: "  enabled: false")
        #expect(message(text.replacingOccurrences(of: "  enabled: false", with: "  enabled: sometimes"))
            == "my.yaml:\(enabled): ferries.enabled: \"sometimes\" is not true or false.")
        #expect(message(text.replacingOccurrences(of: "version: 1", with: "version: 2"))
            == "my.yaml:\(line(of: "version: 1")): version: this zonegrise reads car profile version 1.")
        #expect(message(text.replacingOccurrences(of: "  factor: 0.8\n", with: "")).hasSuffix(
            "maxspeed.factor: missing; a car profile states every value (see profiles/car.yaml)."))
        #expect(message("highway_speeds_kmh: [unclosed\n") .hasPrefix("my.yaml:"))
        #expect(message("highway_speeds_kmh: [unclosed\n").contains("not valid YAML"))
        #expect(message("- a list\n") == "my.yaml:1: a car profile must be a YAML mapping of keys (see profiles/car.yaml).")
        #expect(message(text.replacingOccurrences(of: "  trunk: 85\n", with: "  trunk: 85\n  Trunk: 80\n")).hasSuffix(
            "highway_speeds_kmh.Trunk: appears twice."))
        #expect(throws: OSMError.unreadable(file: "/nonexistent/car.yaml", reason: "no such file")) {
            try CarProfile.load(path: "/nonexistent/car.yaml")
        }
    }

    /// Speeds and ratios are bounded where the profile is read (`InputLimits`): a speed of
    /// 1e-300 km/h used to give edges of UInt32.max deciseconds, 1e300 a cap of nothing.
    @Test(arguments: [
        ("  primary: 65", "  primary: 1e-300", "highway_speeds_kmh.primary: must be from 1 to 300 km/h, got 1e-300."),
        ("speed_cap_kmh: 130", "speed_cap_kmh: 1e300", "speed_cap_kmh: must be from 1 to 300 km/h, got 1e+300."),
        ("  factor: 0.8", "  factor: 50", "maxspeed.factor: must be from 0.05 to 2 (a ratio), got 50."),
        ("  parking_aisle: 0.5", "  parking_aisle: 0.001", "service_speed_factors.parking_aisle: must be from 0.05 to 2 (a ratio), got 0.001."),
        ("  speed_kmh: 5", "  speed_kmh: 0.5", "ferries.speed_kmh: must be from 1 to 300 km/h, got 0.5."),
        ("    \"FR:urban\": 50", "    \"FR:urban\": 5000", "maxspeed.symbols_kmh.FR:urban: must be from 1 to 300 km/h, got 5000."),
    ])
    func outOfRangeProfileValuesNameTheLine(original: String, replacement: String, message: String) throws {
        let text = try String(contentsOfFile: Self.carYAML, encoding: .utf8)
        #expect(text.contains(original + "\n"), "profiles/car.yaml has no line \(original)")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == original[...] }! + 1
        do {
            _ = try CarProfile.parse(text.replacingOccurrences(of: original + "\n", with: replacement + "\n"), path: "my.yaml")
            Issue.record("no error for \(replacement)")
        } catch {
            #expect("\(error)" == "my.yaml:\(line): \(message)")
        }
    }

    /// A maxspeed tag below 1 km/h is unreadable (the class speed, with a warning), not an
    /// edge that takes years.
    @Test func tinyMaxspeedIsUnreadable() {
        let car = CarProfile.standard
        #expect(car.maxspeed("0.0001") == .unreadable)
        #expect(car.maxspeed("0.5 mph") == .unreadable)
        #expect(car.maxspeed("50;0.01") == .unreadable)
        #expect(car.maxspeed("1") == .kmh(1))
        let rule = car.evaluate(tags: ["highway": "primary", "maxspeed": "0.0001"])
        #expect(rule?.forwardSpeedKmh == 65)
        #expect(rule?.issues.contains(.unreadableMaxspeed) == true)
    }
}

enum ProfileKeys {
    static let top = "version, name, highway_speeds_kmh, excluded_highways, excluded_tags, maxspeed, speed_cap_kmh, service_speed_factors, oneway, access, ferries, peak_hour_factor"
}
