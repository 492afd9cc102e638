import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore

/// Extraction of tiny maps drawn as ASCII grids (100 m per character, so "a b" is 200 m
/// long, and 100 m per row): edge counts,
/// directions and times. Times are checked against the edge's own length, so the tests
/// pin the speed rule rather than the haversine.
@Suite struct RoadExtractorTests {
    /// Extracts `map` with `profile` and returns the edges by letters: "ab" → deciseconds.
    func edges(_ map: OSMTestMap, profile: CarProfile = .standard) throws -> (times: [String: UInt32], roads: ExtractedRoads) {
        let path = try map.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let roads = try RoadExtractor(profile: profile).extract(path: path)
        var letterOf: [Int64: Character] = [:]
        for letter in map.positions.keys { letterOf[OSMTestMap.id(letter)] = letter }
        var times: [String: UInt32] = [:]
        for edge in roads.edges {
            let key = String([letterOf[roads.nodeIDs[Int(edge.from)]]!, letterOf[roads.nodeIDs[Int(edge.to)]]!])
            #expect(times[key] == nil, "edge \(key) twice")
            times[key] = edge.deciseconds
        }
        return (times, roads)
    }

    /// Deciseconds for `metres` at `kmh`, as the profile computes them.
    func expected(_ metres: Double, _ kmh: Double, peak: Double = 1) -> UInt32 {
        UInt32((metres / (kmh / 3.6) * 10 * peak).rounded())
    }

    @Test func twoWayRoadGivesTwoEdgesAtTheClassSpeed() throws {
        let (times, roads) = try edges(OSMTestMap("a b c", ways: [("abc", ["highway": "primary"])]))
        #expect(Set(times.keys) == ["ab", "ba", "bc", "cb"])
        #expect(roads.nodeIDs.count == 3 && roads.coordinates.count == 3)
        let metres = roads.edges[0].metres
        #expect(abs(metres - 200) < 0.5)  // two columns
        #expect(times["ab"] == expected(metres, 65) && times["ab"] == 111)
        #expect(roads.report.drivableWays == 1 && roads.report.highwayWays == 1 && roads.report.warnings.isEmpty)
        #expect(roads.report.profileFingerprint == CarProfile.standard.fingerprint)
        // Coordinates are WGS84 degrees, x longitude.
        #expect(abs(roads.coordinates[0].y - 45) < 1e-9 && abs(roads.coordinates[0].x - 2) < 1e-9)
    }

    @Test func onewayRoads() throws {
        let map = OSMTestMap("""
            a b
            c d
            e f
            """, ways: [("ab", ["highway": "residential", "oneway": "yes"]),
                        ("cd", ["highway": "residential", "oneway": "-1"]),
                        ("ef", ["highway": "residential", "oneway": "no"])])
        let (times, _) = try edges(map)
        #expect(Set(times.keys) == ["ab", "dc", "ef", "fe"])
        #expect(times["ab"] == 288)  // 200 m at 25 km/h
    }

    @Test func maxspeedSetsTheSpeed() throws {
        let map = OSMTestMap("""
            a b
            c d
            e f
            g h
            """, ways: [("ab", ["highway": "primary", "maxspeed": "50"]),
                        ("cd", ["highway": "primary", "maxspeed": "FR:zone30"]),
                        ("ef", ["highway": "primary", "maxspeed": "fast"]),
                        ("gh", ["highway": "primary", "maxspeed": "70", "maxspeed:backward": "30"])])
        let (times, roads) = try edges(map)
        // 200 m each.
        #expect(times["ab"] == 180 && times["ba"] == 180)  // 40 km/h
        #expect(times["cd"] == 300)  // 24 km/h
        #expect(times["ef"] == 111)  // garbage: the class speed, 65 km/h
        #expect(times["gh"] == 129 && times["hg"] == 300)  // 56 and 24 km/h
        #expect(roads.report.profileWarnings.unreadableMaxspeed == 1)
        #expect(roads.report.warnings.count == 1)
        #expect(roads.report.warnings[0].contains("1 way(s) have a maxspeed that is not a speed"))
    }

    @Test func accessNoRemovesTheWay() throws {
        let map = OSMTestMap("a b c", ways: [("ab", ["highway": "residential", "access": "no"]),
                                             ("bc", ["highway": "residential", "motor_vehicle": "private"])])
        let path = try map.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: OSMError.noDrivableRoad(file: path, profile: "car", waysRead: 2, highwayWays: 2)) {
            try RoadExtractor().extract(path: path)
        }
        let allowed = OSMTestMap("a b c", ways: [("ab", ["highway": "residential", "access": "no"]),
                                                 ("bc", ["highway": "residential", "access": "no", "motor_vehicle": "yes"])])
        let (times, roads) = try edges(allowed)
        #expect(Set(times.keys) == ["bc", "cb"])
        #expect(roads.nodeIDs == [OSMTestMap.id("b"), OSMTestMap.id("c")])  // a is on no drivable segment
    }

    @Test func roundaboutIsOneWayAroundTheRing() throws {
        let map = OSMTestMap("""
            a   b

            d   c
            """, ways: [("abcda", ["highway": "tertiary", "junction": "roundabout"]),
                        ("bxb", ["highway": "footway"])])
        let (times, roads) = try edges(map)
        #expect(Set(times.keys) == ["ab", "bc", "cd", "da"])
        #expect(times["ab"] == expected(roads.edges[0].metres, 40) && times["ab"] == 360)  // 400 m at 40 km/h
    }

    @Test func linkRoads() throws {
        let map = OSMTestMap("""
            a b c
            d e f
            """, ways: [("abc", ["highway": "motorway"]),
                        ("be", ["highway": "motorway_link"]),
                        ("def", ["highway": "primary"]),
                        ("fc", ["highway": "primary_link"])])
        let (times, _) = try edges(map)
        // Motorway and its link are one-way; the primary link goes both ways.
        #expect(Set(times.keys) == ["ab", "bc", "be", "de", "ed", "ef", "fe", "fc", "cf"])
        #expect(times["ab"] == 80)  // 200 m at 90 km/h
        #expect(times["be"] == 80)  // 100 m (one row) at 45 km/h
        #expect(times["fc"] == 120 && times["cf"] == 120)  // 100 m at 30 km/h
    }

    @Test func ferriesFollowTheProfile() throws {
        let map = OSMTestMap("""
            a b   c d
            e f   g h
            """, ways: [("ab", ["highway": "primary"]), ("bc", ["route": "ferry"]), ("cd", ["highway": "primary"]),
                        ("ef", ["highway": "primary"]), ("fg", ["route": "ferry", "duration": "00:20"]), ("gh", ["highway": "primary"])])
        let off = try edges(map)
        #expect(Set(off.times.keys) == ["ab", "ba", "cd", "dc", "ef", "fe", "gh", "hg"])
        #expect(off.roads.report.ferryWays == 0)

        var profile = CarProfile.standard
        profile.ferries = true
        let on = try edges(map, profile: profile)
        #expect(on.times["bc"] == 2880 && on.times["cb"] == 2880)  // 400 m at 5 km/h
        #expect(on.times["fg"] == 12_000 && on.times["gf"] == 12_000)  // 20 minutes
        #expect(on.roads.report.ferryWays == 2)

        // A ferry's duration is shared among its segments by length.
        let split = OSMTestMap("a b   c", ways: [("abc", ["route": "ferry", "duration": "00:30"])])
        let shared = try edges(split, profile: profile)
        #expect(shared.times["ab"] == 6000 && shared.times["bc"] == 12_000)
    }

    @Test func peakHourFactorScalesEveryEdge() throws {
        let map = OSMTestMap("a b c", ways: [("abc", ["highway": "trunk"])])
        var peak = CarProfile.standard
        peak.peakHourFactor = 1.15
        let free = try edges(map), busy = try edges(map, profile: peak)
        for (key, time) in free.times {
            #expect(busy.times[key] == expected(free.roads.edges[0].metres, 85, peak: 1.15), "\(key)")
            #expect(time == expected(free.roads.edges[0].metres, 85))
        }
        #expect(busy.roads.report.profileFingerprint != free.roads.report.profileFingerprint)
    }

    @Test func nodesMissingFromAClippedExtractAreSkippedWithAWarning() throws {
        let map = OSMTestMap("a b c d e", ways: [("abcd", ["highway": "secondary"]), ("de", ["highway": "secondary"])],
                             omitting: ["b"])
        let (times, roads) = try edges(map)
        #expect(Set(times.keys) == ["cd", "dc", "de", "ed"])
        #expect(roads.report.missingNodes == 1 && roads.report.waysWithMissingNodes == 1 && roads.report.skippedSegments == 2)
        #expect(roads.report.warnings.count == 1)
        #expect(roads.report.warnings[0].hasSuffix("1 road way(s) refer to 1 node(s) absent from the file (an extract clipped at its border?); 2 segment(s) touching them were skipped"))
    }

    @Test func degenerateWaysAreIgnored() throws {
        let map = OSMTestMap("a b", ways: [("a", ["highway": "primary"]), ("aab", ["highway": "primary"])])
        let (times, _) = try edges(map)
        #expect(Set(times.keys) == ["ab", "ba"])
    }

    @Test func unusableFilesAreClearErrors() throws {
        let noRoads = OSMTestMap("a b", ways: [("ab", ["building": "yes"])])
        let path = try noRoads.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: OSMError.noDrivableRoad(file: path, profile: "car", waysRead: 1, highwayWays: 0)) {
            try RoadExtractor().extract(path: path)
        }
        #expect(OSMError.noDrivableRoad(file: "x.osm", profile: "car", waysRead: 1, highwayWays: 0).description
            == "x.osm: no road is drivable under the car profile (1 way(s) read, 0 with a highway tag); is it the right OpenStreetMap extract?")

        let text = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-\(UUID().uuidString).txt").path
        try Data(noRoads.xml.utf8).write(to: URL(fileURLWithPath: text))
        defer { try? FileManager.default.removeItem(atPath: text) }
        let suffix = #expect(throws: OSMError.self) { try RoadExtractor().extract(path: text) }
        #expect(suffix?.description.hasPrefix("\(text): unsupported file name") == true)

        #expect(throws: OSMError.unreadable(file: "/nonexistent/x.osm.pbf", reason: "No such file or directory")) {
            try RoadExtractor().extract(path: "/nonexistent/x.osm.pbf")
        }
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-\(UUID().uuidString).osm").path
        try Data("<osm><way id=\"1\">".utf8).write(to: URL(fileURLWithPath: broken))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let xml = #expect(throws: OSMError.self) { try RoadExtractor().extract(path: broken) }
        #expect(xml?.description.hasPrefix("\(broken): the file is not well-formed OSM XML") == true)
    }
}
