import Foundation
import Testing
@testable import Zonegrise

/// Every reader error that no other test pinned, triggered from a small real file
/// through a whole run (as `zonegrise analyse` reads it), its full sentence checked:
/// the gamme table, equipment, populations, service sites, subdivisions, centres,
/// matrix codes, commune geometry, crs members, input files that are folders, the
/// manifest, scenario and candidates files. Nothing is written by a failed run.
@Suite("Pipeline: reader error sentences")
struct ReaderErrorMessageTests {
    /// Runs the territory, expects it to fail with exactly `sentence`, and no output.
    static func expectFailure(_ territory: PipelineTerritory, _ sentence: String,
                              sourceLocation: SourceLocation = #_sourceLocation) async {
        let (error, text) = await territory.runError()
        #expect(error != nil, "not a ZonegriseError: \(text)", sourceLocation: sourceLocation)
        #expect(text == sentence, sourceLocation: sourceLocation)
        expectNoOutput(territory, sourceLocation: sourceLocation)
    }

    // MARK: Gamme table

    @Test func gammeTableRowWithoutType() async throws {
        let territory = try PipelineTerritory("err-gamme-type")
        try territory.write("gammes.csv", "typequ,gamme\nP1,proximite\n,intermediaire\nI1,intermediaire\nS1,superieure\n")
        await Self.expectFailure(territory, "\(territory.path("gammes.csv")):3: typequ is \"\", expected an equipment type code.")
    }

    @Test func gammeTableUnknownGamme() async throws {
        let territory = try PipelineTerritory("err-gamme-name")
        try territory.write("gammes.csv", "typequ,gamme\nP1,proche\nI1,intermediaire\nS1,superieure\n")
        await Self.expectFailure(territory, "\(territory.path("gammes.csv")):2: gamme is \"proche\", expected proximite, intermediaire or superieure.")
    }

    @Test func gammeTableTypeInTwoGammes() async throws {
        let territory = try PipelineTerritory("err-gamme-twice")
        try territory.write("gammes.csv", "typequ,gamme\nP1,proximite\nI1,intermediaire\nS1,superieure\nP1,superieure\n")
        await Self.expectFailure(territory, "\(territory.path("gammes.csv")):5: typequ is \"P1\", expected one gamme per type (line 2 gives proximite).")
    }

    @Test func gammeTableWithoutRow() async throws {
        let territory = try PipelineTerritory("err-gamme-empty")
        try territory.write("gammes.csv", "typequ,gamme\n")
        await Self.expectFailure(territory, "\(territory.path("gammes.csv")): the gamme table has no row.")
    }

    @Test func gammeTableWithoutAGamme() async throws {
        let territory = try PipelineTerritory("err-gamme-missing")
        try territory.write("gammes.csv", "typequ,gamme\nP1,proximite\nI1,intermediaire\n")
        await Self.expectFailure(territory, "\(territory.path("gammes.csv")): the gamme table has no type in the gamme supérieure.")
    }

    // MARK: Equipment and populations

    @Test func equipmentRowWithoutType() async throws {
        let territory = try PipelineTerritory("err-bpe-type")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n99005,,2\n")
        await Self.expectFailure(territory, "\(territory.path("bpe.csv")):3: TYPEQU is \"\", expected an equipment type code such as D201.")
    }

    @Test func equipmentRowWithAShortCommuneCode() async throws {
        let territory = try PipelineTerritory("err-bpe-code")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n9905,P1,2\n")
        await Self.expectFailure(territory, "\(territory.path("bpe.csv")):3: DEPCOM is \"9905\", expected a 5-character INSEE commune code.")
    }

    @Test func populationRowWithAShortCommuneCode() async throws {
        let territory = try PipelineTerritory("err-pop-code")
        try territory.write("populations.csv", "code,population\n99001,1200\n9902,300\n")
        await Self.expectFailure(territory, "\(territory.path("populations.csv")):3: code is \"9902\", expected a 5-character INSEE commune code.")
    }

    @Test func populationCodeTwice() async throws {
        let territory = try PipelineTerritory("err-pop-twice")
        try territory.write("populations.csv", "code,population\n99001,1200\n99002,300\n99001,1300\n")
        await Self.expectFailure(territory, "\(territory.path("populations.csv")): commune code 99001 appears twice (line 2 and line 4).")
    }

    // MARK: Service sites

    @Test func serviceSiteIdTwice() async throws {
        let territory = try PipelineTerritory("err-site-twice")
        try territory.write("france-services.csv", "id_fs,lib_fs,insee_com,latitude,longitude\nfs-1,Centre,99005,47.03,2.045\nfs-1,Autre,99001,47.01,2.01\n")
        await Self.expectFailure(territory, "\(territory.path("france-services.csv")): site id fs-1 appears twice (line 2 and line 3); give each site its own id.")
    }

    @Test func serviceSiteWithoutPositionNorCommune() async throws {
        let territory = try PipelineTerritory("err-site-nowhere")
        try territory.write("france-services.csv", "id_fs,lib_fs,insee_com,latitude,longitude\nfs-1,Centre,99005,47.03,2.045\nfs-2,Nulle part,,,\n")
        await Self.expectFailure(territory, "\(territory.path("france-services.csv")):3: latitude/longitude is \"\", expected coordinates or a commune code for the site.")
    }

    @Test func serviceSiteThatIsNotAPoint() async throws {
        let territory = try PipelineTerritory("err-site-line")
        try territory.write("sites.geojson", PipelineTerritory.featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"s1\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.045,47.03]}}",
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"s2\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[2.01,47.01],[2.02,47.02]]}}",
        ]))
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(of: "file: france-services.csv", with: "file: sites.geojson"))
        await Self.expectFailure(territory, "\(territory.path("sites.geojson")): feature 2: a service site must be a Point.")
    }

    // MARK: Subdivisions

    static func subdivisions(_ territory: PipelineTerritory, _ file: String) throws {
        try territory.writeManifest(extra: "subdivisions:\n  - name: canton\n    file: \(file)")
    }

    @Test func subdivisionPolygonWithoutCode() async throws {
        let territory = try PipelineTerritory("err-sub-nocode")
        try territory.write("cantons.geojson", PipelineTerritory.featureCollection([
            PipelineTerritory.feature(properties: "\"code\":\"9901\",\"nom\":\"Nord\"", ring: PipelineTerritory.square(0)),
            PipelineTerritory.feature(properties: "\"nom\":\"Sud\",\"id\":7", ring: PipelineTerritory.square(1)),
        ]))
        try Self.subdivisions(territory, "cantons.geojson")
        await Self.expectFailure(territory, "\(territory.path("cantons.geojson")): feature 2: no \"code\" property (properties found: id, nom).")
    }

    @Test func subdivisionThatIsNotAPolygon() async throws {
        let territory = try PipelineTerritory("err-sub-point")
        try territory.write("cantons.geojson", PipelineTerritory.featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"9901\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.01,47.01]}}",
        ]))
        try Self.subdivisions(territory, "cantons.geojson")
        await Self.expectFailure(territory, "\(territory.path("cantons.geojson")): feature 1: subdivision 9901 is not a Polygon or MultiPolygon.")
    }

    @Test func subdivisionRowWithoutCode() async throws {
        let territory = try PipelineTerritory("err-sub-empty")
        try territory.write("cantons.csv", "commune,code,nom\n99001,A,Ouest\n99002,,Est\n")
        try Self.subdivisions(territory, "cantons.csv")
        await Self.expectFailure(territory, "\(territory.path("cantons.csv")):3: code is \"\", expected a subdivision code.")
    }

    @Test func communeInTwoSubdivisions() async throws {
        let territory = try PipelineTerritory("err-sub-twice")
        try territory.write("cantons.csv", "commune,code,nom\n99001,A,Ouest\n99002,A,Ouest\n99001,B,Est\n")
        try Self.subdivisions(territory, "cantons.csv")
        await Self.expectFailure(territory, "\(territory.path("cantons.csv")):4: code is \"B\", expected one subdivision per commune (99001 is already in A).")
    }

    // MARK: Centres, matrix, commune geometry, crs

    @Test func centreThatIsNotAPoint() async throws {
        let territory = try PipelineTerritory("err-centre-polygon")
        try territory.write("centres.geojson", PipelineTerritory.featureCollection([PipelineTerritory.squareFeature(0)]))
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  centres: centres.geojson"))
        await Self.expectFailure(territory, "\(territory.path("centres.geojson")): feature 1: a centre needs a Point geometry and a code property.")
    }

    @Test func matrixRowWithAShortCode() async throws {
        let territory = try PipelineTerritory("err-matrix-code")
        try territory.write("matrix.csv", "origin,destination,minutes\n99001,99005,4\n9902,99005,5\n")
        try territory.writeManifest(extra: "time_model:\n  kind: matrix\n  matrix:\n    file: matrix.csv\n    missing: unreachable")
        await Self.expectFailure(territory, "\(territory.path("matrix.csv")):3: origin/destination is \"9902 → 99005\", expected two 5-character INSEE commune codes.")
    }

    @Test func communeWithoutGeometry() async throws {
        let territory = try PipelineTerritory("err-commune-nogeometry")
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(
            [PipelineTerritory.squareFeature(5), "{\"type\":\"Feature\",\"properties\":{\"code\":\"99007\",\"nom\":\"Sept\"},\"geometry\":null}"]
                + (7 ..< 9).map { PipelineTerritory.squareFeature($0) }))
        await Self.expectFailure(territory, "\(territory.path("communes-b.geojson")): feature 2: commune 99007 has no geometry.")
    }

    @Test func communeThatIsALine() async throws {
        let territory = try PipelineTerritory("err-commune-line")
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(
            [PipelineTerritory.squareFeature(5),
             "{\"type\":\"Feature\",\"properties\":{\"code\":\"99007\",\"nom\":\"Sept\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[2.0,47.04],[2.03,47.04]]}}"]
                + (7 ..< 9).map { PipelineTerritory.squareFeature($0) }))
        await Self.expectFailure(territory, "\(territory.path("communes-b.geojson")): feature 2: commune 99007 has a geometry that is not a Polygon or MultiPolygon.")
    }

    @Test func fusionIntoACommuneNotInTheFiles() async throws {
        let territory = try PipelineTerritory("err-fusion-absent")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  fusions:\n    \"99009\": \"99077\""))
        await Self.expectFailure(territory, "communes.fusions: commune 99009 merges into 99077, which is not in the commune files.")
    }

    @Test func unknownCoordinateReferenceSystem() async throws {
        let territory = try PipelineTerritory("err-crs")
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection((5 ..< 9).map { PipelineTerritory.squareFeature($0) },
                                                                                      crs: "urn:ogc:def:crs:EPSG::999999"))
        await Self.expectFailure(territory, "\(territory.path("communes-b.geojson")): unknown coordinate reference system EPSG:999999 in the crs member.")
    }

    // MARK: Input files

    @Test func inputThatIsAFolder() async throws {
        let territory = try PipelineTerritory("err-input-folder")
        try FileManager.default.removeItem(atPath: territory.path("populations.csv"))
        try FileManager.default.createDirectory(atPath: territory.path("populations.csv"), withIntermediateDirectories: false)
        await Self.expectFailure(territory, "\(territory.path("populations.csv")): cannot read the file: it is a folder.")
    }

    @Test func truncatedGzipInput() async throws {
        let territory = try PipelineTerritory("err-gzip")
        // `printf 'DEPCOM,TYPEQU,NB_EQUIP\n' | gzip -n`, cut after 20 of its bytes.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-nc", territory.path("bpe.csv")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let whole = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try whole.prefix(20).write(to: URL(fileURLWithPath: territory.path("bpe.csv.gz")))
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(of: "equipment: bpe.csv", with: "equipment: bpe.csv.gz"))
        // Issue 8: this sentence used to read "FILE: Cannot decompress FILE: truncated: …
        // after 20 bytes.." (the path twice, two full stops).
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("bpe.csv.gz")): cannot decompress the gzip data: truncated: the data ends inside gzip member 1 after 20 bytes.")
        expectNoOutput(territory)
    }

    @Test func manifestThatIsNotUTF8() throws {
        let territory = try PipelineTerritory("err-manifest-latin1")
        // "Démo" in Windows-1252: é is the single byte E9.
        try (Data("name: D".utf8) + Data([0xE9]) + Data("mo\nanalysis_area: [\"99\"]\n".utf8)).write(to: URL(fileURLWithPath: territory.path("manifest.yaml")))
        let (error, text) = zonegriseError { _ = try TerritoryManifest.load(path: territory.path("manifest.yaml")) }
        #expect(error != nil)
        #expect(text == "\(territory.path("manifest.yaml")):1: byte 0xE9 at byte offset 7 is not UTF-8: the manifest must be UTF-8 text; save it as UTF-8.")
    }

    @Test func manifestThatIsAFolder() throws {
        let territory = try PipelineTerritory("err-manifest-folder")
        let (error, text) = zonegriseError { _ = try TerritoryManifest.load(path: territory.out.path) }
        #expect(error != nil)
        #expect(text == "\(territory.out.path): cannot read the file: permission denied or a folder.")
    }

    // MARK: Scenario and candidates files

    static func compareError(_ territory: PipelineTerritory, scenario: String) async -> String {
        await asyncZonegriseError {
            _ = try await ComparisonRun(configuration: try territory.configuration(), scenarioPaths: [scenario],
                                        outputDirectory: territory.out.path).execute()
        }.text
    }

    @Test func scenarioThatIsNotUTF8() async throws {
        let territory = try PipelineTerritory("err-scenario-latin1")
        try (Data("name: Ferm".utf8) + Data([0xE9]) + Data("\n".utf8)).write(to: URL(fileURLWithPath: territory.path("scenario.yaml")))
        #expect(await Self.compareError(territory, scenario: territory.path("scenario.yaml"))
                == "\(territory.path("scenario.yaml")):1: byte 0xE9 at byte offset 10 is not UTF-8: the scenario must be UTF-8 text; save it as UTF-8.")
        expectNoOutput(territory)
    }

    @Test func scenarioThatIsAList() async throws {
        let territory = try PipelineTerritory("err-scenario-list")
        try territory.write("scenario.yaml", "- add\n- close\n")
        #expect(await Self.compareError(territory, scenario: territory.path("scenario.yaml"))
                == "\(territory.path("scenario.yaml")):1: a scenario must be a YAML mapping of keys (see docs/SCENARIOS.md).")
        expectNoOutput(territory)
    }

    @Test func scenarioThatIsAFolder() async throws {
        let territory = try PipelineTerritory("err-scenario-folder")
        try FileManager.default.createDirectory(atPath: territory.path("scenario.yaml"), withIntermediateDirectories: false)
        #expect(await Self.compareError(territory, scenario: territory.path("scenario.yaml"))
                == "\(territory.path("scenario.yaml")): cannot read the file: permission denied or a folder.")
        expectNoOutput(territory)
    }

    @Test func scenarioThatIsNotYAML() async throws {
        let territory = try PipelineTerritory("err-scenario-yaml")
        try territory.write("scenario.yaml", "name: Fermetures\nclose: [fs-1\n")
        #expect(await Self.compareError(territory, scenario: territory.path("scenario.yaml"))
                == "\(territory.path("scenario.yaml")):3: not valid YAML: while parsing a flow sequence, did not find expected ',' or ']'.")
        expectNoOutput(territory)
    }

    @Test func candidatesFileThatIsNotYAML() throws {
        let territory = try PipelineTerritory("err-candidates-yaml")
        try territory.write("candidates.yaml", "version: 1\nexclude: [\"62041\"\n")
        let (error, text) = zonegriseError { _ = try CandidateFilterFile.load(path: territory.path("candidates.yaml")) }
        #expect(error != nil)
        #expect(text == "\(territory.path("candidates.yaml")):3: not valid YAML: while parsing a flow sequence, did not find expected ',' or ']'.")
    }

    @Test func emptyCandidatesFile() throws {
        let territory = try PipelineTerritory("err-candidates-empty")
        try territory.write("candidates.yaml", "")
        let (error, text) = zonegriseError { _ = try CandidateFilterFile.load(path: territory.path("candidates.yaml")) }
        #expect(error != nil)
        #expect(text == "\(territory.path("candidates.yaml")): the candidates file is empty.")
    }

    @Test func candidatesFileThatIsNotUTF8() throws {
        let territory = try PipelineTerritory("err-candidates-latin1")
        try (Data("exclude: [\"B".utf8) + Data([0xE9]) + Data("\"]\n".utf8)).write(to: URL(fileURLWithPath: territory.path("candidates.yaml")))
        let (error, text) = zonegriseError { _ = try CandidateFilterFile.load(path: territory.path("candidates.yaml")) }
        #expect(error != nil)
        #expect(text == "\(territory.path("candidates.yaml")):1: byte 0xE9 at byte offset 12 is not UTF-8: the candidates file must be UTF-8 text; save it as UTF-8.")
    }
}
