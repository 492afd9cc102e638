import Testing
import ZonegriseOSM

/// One sentence per case, pinned: the CLI prints them after "zonegrise: error: ".
@Suite struct OSMErrorTests {
    @Test(arguments: [
        (OSMError.unreadable(file: "roads.osm.pbf", reason: "no such file"), "roads.osm.pbf: cannot read the file: no such file."),
        (.malformed(file: "roads.osm.pbf", line: nil, detail: "truncated"), "roads.osm.pbf: truncated."),
        (.malformed(file: "car.yaml", line: 3, detail: "not valid YAML: x"), "car.yaml:3: not valid YAML: x."),
        (.invalidProfileValue(source: "car.yaml:7", key: "speed_cap_kmh", detail: "\"fast\" is not a number"),
         "car.yaml:7: speed_cap_kmh: \"fast\" is not a number."),
        (.noDrivableRoad(file: "x.osm", profile: "car", waysRead: 4, highwayWays: 2),
         "x.osm: no road is drivable under the car profile (4 way(s) read, 2 with a highway tag); is it the right OpenStreetMap extract?"),
        (.foreignCache(file: "out/notes.txt"),
         "out/notes.txt: time_model.osm.cache: the file exists and is not a zonegrise graph cache, which zonegrise never overwrites; name another file for the cache."),
        (.corruptCache(file: "out/road_graph.zgcache"), "out/road_graph.zgcache: the graph cache is truncated or corrupt; delete it to rebuild."),
    ])
    func description(error: OSMError, sentence: String) {
        #expect(error.description == sentence)
    }
}
