import Testing
import ZonegriseNative

@Suite struct NativeErrorTests {
    @Test func descriptionsAreOneSentence() {
        #expect(NativeError.geos(operation: "make valid", message: "TopologyException: side location conflict").description
            == "GEOS failed to make valid: TopologyException: side location conflict.")
        #expect(NativeError.proj(operation: "create the transformation A → B", message: "crs not found").description
            == "PROJ failed to create the transformation A → B: crs not found.")
        #expect(NativeError.gzip(source: "communes.geojson.gz", message: "truncated").description
            == "Cannot decompress communes.geojson.gz: truncated.")
        #expect(NativeError.io(path: "/x", message: "No such file or directory").description
            == "Cannot read /x: No such file or directory.")
        #expect(NativeError.osm(path: "cut.osm.pbf", message: "the file is truncated").description
            == "Cannot read the OpenStreetMap file cut.osm.pbf: the file is truncated.")
    }

    @Test func messageWithItsOwnFullStopGetsNoSecondOne() {
        #expect(NativeError.geos(operation: "union shapes", message: "TopologyException: side location conflict at 1 1.").description
            == "GEOS failed to union shapes: TopologyException: side location conflict at 1 1.")
    }
}
