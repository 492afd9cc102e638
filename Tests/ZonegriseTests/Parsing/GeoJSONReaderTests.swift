import Testing
import ZonegriseCore
@testable import Zonegrise

@Suite("GeoJSONReader")
struct GeoJSONReaderTests {
    private func read(_ text: String) throws -> GeoJSONDocument {
        try GeoJSONReader.read(Array(text.utf8), file: "t.geojson")
    }

    private func error(_ text: String) -> String {
        parsingErrorDescription { _ = try read(text) }
    }

    private func p(_ x: Double, _ y: Double) -> PlanarPoint { PlanarPoint(x: x, y: y) }

    @Test func featureCollectionOfEveryGeometryType() throws {
        let document = try read("""
        {"type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
         "features": [
          {"type": "Feature", "properties": {"code": "62041", "n": 3}, "geometry": {"type": "Point", "coordinates": [1.5, 2, 99]}},
          {"type": "Feature", "properties": null, "geometry": {"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]}},
          {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, -1e2]]}},
          {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], []]}},
          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [
              [[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]}},
          {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [
              [[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}},
          {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [
              {"type": "Point", "coordinates": [7, 8]}, {"type": "LineString", "coordinates": []}]}},
          {"type": "Feature", "id": 12, "bbox": [0, 0, 1, 1], "properties": {"nom": "Arras"}, "geometry": null},
          {"type": "Feature", "properties": {}}
         ]}
        """)
        #expect(document.crsName == "urn:ogc:def:crs:EPSG::2154")
        #expect(document.features.count == 9)
        #expect(document.features.map(\.index) == Array(0..<9))
        #expect(document.features.map(\.line) == [4, 5, 6, 7, 8, 10, 12, 14, 15])

        let point = document.features[0]
        #expect(point.geometry == .point(p(1.5, 2)))
        #expect(point.geometry?.asPoint == p(1.5, 2))
        #expect(point.geometry?.asMultiPolygon == nil)
        #expect(point.properties == ["code": .string("62041"), "n": .number(3)])
        #expect(document.features[1].properties.isEmpty)
        #expect(document.features[1].geometry == .multiPoint([p(0, 0), p(1, 1)]))
        #expect(document.features[2].geometry == .lineString([p(0, 0), p(1, -100)]))
        #expect(document.features[3].geometry == .multiLineString([[p(0, 0), p(1, 1)], []]))

        let square = [p(0, 0), p(4, 0), p(4, 4), p(0, 0)]
        let hole = [p(1, 1), p(2, 1), p(2, 2), p(1, 1)]
        let polygon = Polygon(rings: [square, hole])
        #expect(document.features[4].geometry == .polygon(polygon))
        #expect(document.features[4].geometry?.asMultiPolygon == MultiPolygon(polygons: [polygon]))
        #expect(document.features[4].geometry?.asPoint == nil)

        let multi = document.features[5].geometry?.asMultiPolygon
        #expect(multi?.polygons.count == 2)
        #expect(multi?.polygons[1].exterior == [p(5, 5), p(6, 5), p(6, 6), p(5, 5)])
        #expect(multi?.vertexCount == 8)

        #expect(document.features[6].geometry == .geometryCollection([.point(p(7, 8)), .lineString([])]))
        #expect(document.features[6].geometry?.asMultiPolygon == nil)
        #expect(document.features[7].geometry == nil)
        #expect(document.features[7].properties["nom"]?.stringValue == "Arras")
        #expect(document.features[8].geometry == nil)
    }

    @Test func noCRSMeansNil() throws {
        let document = try read(#"{"type":"FeatureCollection","features":[]}"#)
        #expect(document.crsName == nil)
        #expect(document.features.isEmpty)
    }

    @Test func membersInAnyOrder() throws {
        // Feature: geometry before type and properties; geometry: coordinates before type;
        // collection: features before type, crs last.
        let document = try read("""
        {"features": [
          {"geometry": {"coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "bbox": [0, 0, 1, 1], "type": "Polygon"},
           "properties": {"code": "1"}, "type": "Feature"},
          {"properties": {"code": "2"}, "geometry": {"coordinates": [3, 4], "type": "Point"}, "type": "Feature"},
          {"geometry": {"geometries": [{"coordinates": [[5, 6], [7, 8]], "type": "LineString"}], "type": "GeometryCollection"}}
         ],
         "type": "FeatureCollection",
         "crs": {"properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}, "type": "name"}}
        """)
        #expect(document.crsName == "urn:ogc:def:crs:OGC:1.3:CRS84")
        #expect(document.features.count == 3)
        #expect(document.features[0].geometry == .polygon(Polygon(rings: [[p(0, 0), p(1, 0), p(1, 1), p(0, 0)]])))
        #expect(document.features[0].properties["code"] == .string("1"))
        #expect(document.features[1].geometry == .point(p(3, 4)))
        #expect(document.features[2].geometry == .geometryCollection([.lineString([p(5, 6), p(7, 8)])]))
    }

    @Test func singleFeature() throws {
        let document = try read("""
        {"properties": {"code": "62041"}, "type": "Feature",
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [0, 1], [0, 0]]]]}}
        """)
        #expect(document.features.count == 1)
        #expect(document.features[0].index == 0)
        #expect(document.features[0].line == 1)
        #expect(document.features[0].properties["code"] == .string("62041"))
        #expect(document.features[0].geometry?.asMultiPolygon?.polygons.count == 1)
    }

    @Test func bareGeometry() throws {
        let point = try read(#"{"type": "Point", "coordinates": [2.5, 50.1]}"#)
        #expect(point.features.count == 1)
        #expect(point.features[0].geometry == .point(p(2.5, 50.1)))
        #expect(point.features[0].properties.isEmpty)

        // Coordinates before type: the reader comes back to them.
        let polygon = try read("\n{\"coordinates\": [[[0, 0], [1, 0], [0, 1], [0, 0]]],\n \"type\": \"Polygon\"}\n")
        #expect(polygon.features[0].line == 2)
        #expect(polygon.features[0].geometry?.asMultiPolygon?.vertexCount == 4)

        let collection = try read(#"{"type": "GeometryCollection", "geometries": []}"#)
        #expect(collection.features[0].geometry == .geometryCollection([]))
    }

    @Test func positionsKeepXThenYAndDropAltitude() throws {
        let document = try read(#"{"type": "LineString", "coordinates": [[-1.57, 47.53, 12.5], [2, 3, 4, 5]]}"#)
        #expect(document.features[0].geometry == .lineString([p(-1.57, 47.53), p(2, 3)]))
    }

    @Test(arguments: [
        // Structure of features and geometries: invalidFeature with the feature number
        // (from 1, as the readers say it; it was 0 here and 1 there for the same feature) and line.
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1]}}]}"#,
         "t.geojson: feature 1: a position has 1 number, at least 2 are needed (x, y) (line 1)."),
        ("{\"type\":\"FeatureCollection\",\"features\":[\n{\"geometry\":null},\n{\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[]]}}]}",
         "t.geojson: feature 2: a position has 0 numbers, at least 2 are needed (x, y) (line 3)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon","coordinates":[[1,2],[3,4]]}}]}"#,
         "t.geojson: feature 1: Polygon coordinates must be an array of linear rings (arrays of positions); found a number where an array was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"MultiPolygon","coordinates":[[[0,0],[1,1]]]}}]}"#,
         "t.geojson: feature 1: MultiPolygon coordinates must be an array of polygons (arrays of linear rings); found a number where an array was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[[1,2]]}}]}"#,
         "t.geojson: feature 1: Point coordinates must be a position [x, y]; found an array where a number was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[1,"2"]}}]}"#,
         "t.geojson: feature 1: Point coordinates must be a position [x, y]; found a string where a number was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"LineString","coordinates":null}}]}"#,
         "t.geojson: feature 1: LineString coordinates must be an array of positions; found null where an array was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"coordinates":[[1,2]],"type":"Point"}}]}"#,
         "t.geojson: feature 1: Point coordinates must be a position [x, y]; found an array where a number was expected (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":null},{"geometry":{"type":"Polygone","coordinates":[]}}]}"#,
         "t.geojson: feature 2: unknown geometry type \"Polygone\" (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"point","coordinates":[1,2]}}]}"#,
         "t.geojson: feature 1: unknown geometry type \"point\" (line 1)."),
        ("{\"type\":\"FeatureCollection\",\"features\":[\n{\"geometry\":\n{\"coordinates\":[1,2]}}]}",
         "t.geojson: feature 1: the geometry has no \"type\" member (line 3)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon"}}]}"#,
         "t.geojson: feature 1: the Polygon has no \"coordinates\" member (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"GeometryCollection"}}]}"#,
         "t.geojson: feature 1: the GeometryCollection has no \"geometries\" member (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"GeometryCollection","geometries":{}}}]}"#,
         "t.geojson: feature 1: \"geometries\" must be an array, found an object (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":"GeometryCollection","geometries":[null]}}]}"#,
         "t.geojson: feature 1: expected a geometry object, found null (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":{"type":3}}]}"#,
         "t.geojson: feature 1: \"type\" must be a string, found a number (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"geometry":[1,2]}]}"#,
         "t.geojson: feature 1: \"geometry\" must be an object or null, found an array (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"properties":"x"}]}"#,
         "t.geojson: feature 1: \"properties\" must be an object or null, found a string (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature"}, 3]}"#,
         "t.geojson: feature 2: expected a Feature object, found a number (line 1)."),
        (#"{"type":"FeatureCollection","features":[{"type":"Polygon","coordinates":[]}]}"#,
         "t.geojson: feature 1: has type \"Polygon\" where a Feature is expected (line 1)."),
        (#"{"type":"Point","coordinates":[1]}"#,
         "t.geojson: feature 1: a position has 1 number, at least 2 are needed (x, y) (line 1)."),

        // The document as a whole: malformed with the line.
        ("", "t.geojson:1: the file is empty: expected a GeoJSON object."),
        ("[1, 2]", "t.geojson:1: a GeoJSON file must hold an object (a FeatureCollection, a Feature or a geometry), found an array."),
        ("\n{\"features\": []}",
         "t.geojson:2: the top-level object has no \"type\" member: expected a FeatureCollection, a Feature or a geometry."),
        (#"{"type": "Topology"}"#,
         "t.geojson:1: the top-level object has type \"Topology\": expected FeatureCollection, Feature or a geometry type."),
        (#"{"type": 1}"#, "t.geojson:1: the top-level \"type\" must be a string, found a number."),
        (#"{"type": "FeatureCollection"}"#, "t.geojson:1: the FeatureCollection has no \"features\" member."),
        ("{\"type\": \"FeatureCollection\",\n\"features\": {}}", "t.geojson:2: \"features\" must be an array, found an object."),
        ("{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\",\n \"properties\": {\"a\": 1,}}]}",
         "t.geojson:3: expected a string key after ',' in an object, found '}'."),
        ("{\"type\": \"FeatureCollection\", \"features\": [\n{\"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2,]}}]}",
         "t.geojson:2: expected a JSON value, found ']'."),
        ("{\"type\": \"FeatureCollection\", \"features\": [\n{\"geometry\": {\"type\": \"Point\", \"coordinates\": [1 2]}}]}",
         "t.geojson:2: expected ',' or ']' after an array element, found '2'."),
        ("{\"type\": \"FeatureCollection\", \"features\": [\n{\"geometry\": {\"type\": \"Point\", \"coordinates\": [1., 2]}}]}",
         "t.geojson:2: expected a digit after the decimal point, found ','."),
        (#"{"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [1, 2]}"#,
         "t.geojson:1: expected ',' or '}' after an object member, found end of file."),
        (#"{"type": "FeatureCollection", "features": []} x"#, "t.geojson:1: unexpected 'x' after the end of the JSON value."),
    ])
    func errors(input: String, expected: String) {
        #expect(error(input) == expected)
    }

    @Test func deferredCoordinatesReportTheirOwnLine() {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [{\"geometry\": {\n\"coordinates\": [[0, 0], [1]],\n\"type\": \"LineString\"}}]}"
        #expect(error(text) == "t.geojson: feature 1: a position has 1 number, at least 2 are needed (x, y) (line 2).")
    }

    @Test func geometryCollectionNestingIsBounded() {
        let open = String(repeating: #"{"type":"GeometryCollection","geometries":["#, count: 600)
        let text = #"{"type":"FeatureCollection","features":[{"geometry":"# + open
        #expect(error(text) == "t.geojson:1: objects and arrays are nested deeper than 512 levels.")
    }

    @Test func syntaxErrorsInsideCoordinatesAreSyntaxErrors() {
        let trailingComma = "{\"type\": \"LineString\",\n \"coordinates\": [[1, 2],]}"
        #expect(error(trailingComma) == "t.geojson:2: expected a JSON value, found ']'.")
        let garbage = #"{"type": "Polygon", "coordinates": [[[0, 0], @]]}"#
        #expect(error(garbage) == "t.geojson:1: expected a JSON value, found '@'.")
    }
}
