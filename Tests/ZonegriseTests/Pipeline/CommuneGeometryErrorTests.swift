import Foundation
import Testing
@testable import Zonegrise

/// Bad commune polygons stop the run with one sentence naming the file and the line or
/// feature, and nothing is written.
@Suite("Pipeline: commune geometry errors")
struct CommuneGeometryErrorTests {
    @Test func malformedGeoJSONNamesTheLine() async throws {
        let territory = try PipelineTerritory("malformed-geojson")
        var lines = try territory.text("communes-a.geojson").components(separatedBy: "\n")
        // Feature 2 (line 3): the comma between two properties is missing.
        lines[2] = lines[2].replacingOccurrences(of: "\"99002\",\"nom\"", with: "\"99002\" \"nom\"")
        try territory.write("communes-a.geojson", lines.joined(separator: "\n"))
        let (error, text) = await territory.runError()
        guard case let .malformed(file, line, _)? = error else {
            Issue.record("expected a malformed error, got \(text)")
            return
        }
        #expect(file == territory.path("communes-a.geojson"))
        #expect(line == 3)
        #expect(text.hasPrefix(territory.path("communes-a.geojson") + ":3: "), "\(text)")
        expectNoOutput(territory)
    }

    @Test func truncatedGeoJSON() async throws {
        let territory = try PipelineTerritory("truncated-geojson")
        let full = try territory.text("communes-b.geojson")
        try territory.write("communes-b.geojson", String(full.prefix(full.count / 2)))
        let (error, text) = await territory.runError()
        guard case .malformed(let file, _?, _)? = error else {
            Issue.record("expected a malformed error with a line, got \(text)")
            return
        }
        #expect(file == territory.path("communes-b.geojson"))
        expectNoOutput(territory)
    }

    @Test func featureWithoutTheCodeProperty() async throws {
        let territory = try PipelineTerritory("no-code")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[3] = PipelineTerritory.feature(properties: "\"insee\":\"99004\",\"nom\":\"Quatre\"", ring: PipelineTerritory.square(3))
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let (error, text) = await territory.runError()
        #expect(error == .invalidFeature(file: territory.path("communes-a.geojson"), feature: 4,
                                         detail: "no \"code\" property (set communes.code_property; properties found: insee, nom)"))
        #expect(text == "\(territory.path("communes-a.geojson")): feature 4: no \"code\" property (set communes.code_property; properties found: insee, nom).")
        expectNoOutput(territory)
    }

    @Test func codeThatIsNotAnINSEECode() async throws {
        let territory = try PipelineTerritory("bad-code")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[1] = PipelineTerritory.squareFeature(1, code: "9902")
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("communes-a.geojson")): feature 2: code \"9902\" is not a 5-character INSEE commune code.")
        expectNoOutput(territory)
    }

    @Test func duplicateCodeInOneFile() async throws {
        let territory = try PipelineTerritory("duplicate-one-file")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[4] = PipelineTerritory.squareFeature(4, code: "99002")
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let file = territory.path("communes-a.geojson")
        let (error, text) = await territory.runError()
        // The path once (it used to be printed twice: "(FILE feature 2 and feature 5)").
        #expect(error == .duplicateCode(file: file, code: "99002", first: "feature 2", second: "feature 5"))
        #expect(text == "\(file): commune code 99002 appears twice (feature 2 and feature 5).")
        expectNoOutput(territory)
    }

    @Test func duplicateCodeAcrossTwoFiles() async throws {
        let territory = try PipelineTerritory("duplicate-two-files")
        var features = (5 ..< 9).map { PipelineTerritory.squareFeature($0) }
        features[2] = PipelineTerritory.squareFeature(7, code: "99003")
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(features))
        let (error, text) = await territory.runError()
        #expect(error == .duplicateCode(file: territory.path("communes-b.geojson"), code: "99003",
                                        first: "\(territory.path("communes-a.geojson")) feature 3", second: "feature 3"))
        #expect(text.contains("communes-b.geojson: commune code 99003 appears twice"))
        #expect(text.contains("communes-a.geojson feature 3"))
        expectNoOutput(territory)
    }

    @Test func sameFileListedTwiceIsADuplicate() async throws {
        let territory = try PipelineTerritory("same-file-twice")
        try territory.writeManifest(communes: ["communes-a.geojson", "communes-b.geojson", "communes-a.geojson"])
        let (error, _) = await territory.runError()
        guard case let .duplicateCode(_, code, _, second)? = error else {
            Issue.record("expected a duplicate code")
            return
        }
        #expect(code == "99001")
        #expect(second == "feature 1")
        expectNoOutput(territory)
    }

    /// IGN files in Lambert-93 converted without their `crs` member: metres read as degrees.
    @Test func lambert93WithoutCRSMember() async throws {
        let territory = try PipelineTerritory("lambert-no-crs")
        let ring = [(650_000.0, 6_860_000.0), (652_000.0, 6_860_000.0), (652_000.0, 6_862_000.0), (650_000.0, 6_862_000.0), (650_000.0, 6_860_000.0)]
        var features = (5 ..< 9).map { PipelineTerritory.squareFeature($0) }
        features[0] = PipelineTerritory.feature(properties: "\"code\":\"99006\",\"nom\":\"Six\"", ring: ring)
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(features))
        let (error, text) = await territory.runError()
        guard case let .invalidFeature(file, feature, detail)? = error else {
            Issue.record("expected an invalid feature, got \(text)")
            return
        }
        #expect(file == territory.path("communes-b.geojson"))
        #expect(feature == 1)
        #expect(detail.hasPrefix("commune 99006 has coordinates like (650000"), "\(detail)")
        #expect(detail.contains("not longitude/latitude"))
        #expect(detail.contains("no crs member"))
        #expect(detail.contains("EPSG:2154"))
        expectNoOutput(territory)
    }

    /// The same polygon with its crs member is read as Lambert-93 and projected back.
    @Test func lambert93WithCRSMemberIsRead() async throws {
        let territory = try PipelineTerritory("lambert-crs")
        // Cells of 2 km in Lambert-93 around (650 km, 6 860 km) for département 99.
        let features = (0 ..< 9).map { index -> String in
            let x0 = 650_000.0 + 2000 * Double(index % 3), y0 = 6_860_000.0 + 2000 * Double(index / 3)
            let ring = [(x0, y0), (x0 + 2000, y0), (x0 + 2000, y0 + 2000), (x0, y0 + 2000), (x0, y0)]
            return PipelineTerritory.feature(properties: "\"code\":\"\(PipelineTerritory.code(index))\",\"nom\":\"L\(index)\"", ring: ring)
        }
        try territory.write("communes-l93.geojson", PipelineTerritory.featureCollection(features, crs: "urn:ogc:def:crs:EPSG::2154"))
        try territory.write("france-services.csv", "id_fs,lib_fs,insee_com,latitude,longitude\nfs-1,Centre,99005,,\n")
        try territory.writeManifest(communes: ["communes-l93.geojson"])
        let report = try await territory.run()
        #expect(report.result.communes.count == 9)
        // Areas are those of the 2 km squares, computed in Lambert-93.
        for commune in report.result.communes {
            #expect(abs(commune.areaSquareMetres - 4_000_000) < 1, "\(commune.code)")
        }
        #expect(report.warningMessages.contains { $0.contains("1 site(s) without coordinates placed at their commune's centre") })
    }
}

/// An empty code property used to read "no INSEE_COM property (properties found:
/// INSEE_COM, NOM)": the property is there, and empty.
@Suite("Pipeline: empty commune code")
struct EmptyCommuneCodeTests {
    @Test(arguments: [("\"\"", "empty"), ("\"  \"", "empty"), ("null", "null")])
    func emptyCodePropertyIsSaidEmpty(value: String, word: String) async throws {
        let territory = try PipelineTerritory("empty-code")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[2] = PipelineTerritory.feature(properties: "\"code\":\(value),\"nom\":\"Trois\"", ring: PipelineTerritory.square(2))
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let (error, text) = await territory.runError()
        #expect(error == .invalidFeature(file: territory.path("communes-a.geojson"), feature: 3,
                                         detail: "the \"code\" property is \(word); every commune needs its INSEE code"), "\(text)")
        expectNoOutput(territory)
    }
}

/// The same feature had two numbers: the GeoJSON syntax checks counted from 0 ("feature
/// 2" for the third), the readers from 1 ("feature 3"). Both count from 1 now, matching
/// the line (feature N on line N + 1 in these files).
@Suite("Pipeline: one numbering of features")
struct FeatureNumberingTests {
    @Test func structureErrorAndReaderErrorNameTheSameFeature() async throws {
        let territory = try PipelineTerritory("feature-numbering")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[2] = "{\"type\":\"Feature\",\"properties\":{\"code\":\"99003\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[1,2]}}"
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let structure = await territory.runError()
        guard case let .invalidFeature(_, number, _)? = structure.error else {
            Issue.record("expected an invalid feature, got \(structure.text)")
            return
        }
        #expect(number == 3, "\(structure.text)")
        #expect(structure.text.hasSuffix("(line 4)."), "\(structure.text)")

        features[2] = PipelineTerritory.feature(properties: "\"code\":\"9903\"", ring: PipelineTerritory.square(2))
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        guard case let .invalidFeature(_, readerNumber, _)? = await territory.runError().error else {
            Issue.record("expected an invalid feature")
            return
        }
        #expect(readerNumber == 3)
    }
}
