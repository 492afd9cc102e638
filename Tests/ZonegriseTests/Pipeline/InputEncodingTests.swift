import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// Latin-1 (Windows-1252) inputs used to be read with U+FFFD in every accented name, no
/// word said (issue 8, "Encodings"): they are now decoded, with a warning naming the file
/// and the first byte that is not UTF-8 unless the manifest declares `encoding: latin1`;
/// `encoding: utf8` on bytes that are not UTF-8 is an error.
@Suite("Pipeline: input encodings")
struct InputEncodingTests {
    /// Names with characters of 0xA0–0xFF (É, à, ç) and of the 0x80–0x9F range that
    /// Windows-1252 adds to ISO 8859-1 (Œ at 0x8C, ’ at 0x92).
    static let communeName = "Saint-Étienne-d’Œuf-lès-Français"
    static let siteName = "Maison France services à Évry"

    /// The fixture with the first commune file and the France Services file in Windows-1252.
    static func latin1Territory(_ label: String, declaration: String? = nil) throws -> PipelineTerritory {
        let territory = try PipelineTerritory(label)
        let features = (0 ..< 5).map { index in
            index == 1 ? PipelineTerritory.feature(properties: "\"code\":\"99002\",\"nom\":\"\(communeName)\"", ring: PipelineTerritory.square(1))
                : PipelineTerritory.squareFeature(index)
        }
        try territory.writeBytes("communes-a.geojson", Windows1252.encode(PipelineTerritory.featureCollection(features))!)
        try territory.writeBytes("france-services.csv", Windows1252.encode("""
        id_fs,lib_fs,insee_com,latitude,longitude
        fs-1,\(siteName),99005,47.03,2.045

        """)!)
        if let declaration {
            try territory.write("manifest.yaml", """
            name: Fixture
            analysis_area: ["99"]
            communes:
              files: [communes-a.geojson, communes-b.geojson]
              encoding: \(declaration)
            populations: populations.csv
            equipment: bpe.csv
            gammes: gammes.csv
            service_layers:
              - name: france_services
                file: france-services.csv
                encoding: \(declaration)

            """)
        }
        return territory
    }

    /// Every output is UTF-8 and holds the names as written.
    static func expectNamesInOutputs(_ territory: PipelineTerritory) throws {
        let csv = try territory.outputRows("communes.csv")
        #expect(csv.rows["99002"]?["nom"] == communeName)
        let geojson = try territory.text("out/communes.geojson")
        #expect(geojson.contains(communeName))
        #expect(!geojson.contains("\u{FFFD}"))
    }

    @Test func latin1FilesAreDecodedWithAWarningNamingTheFirstByte() async throws {
        let territory = try Self.latin1Territory("encoding-detected")
        let report = try await territory.run()
        let found = report.warnings.filter { $0.kind == .inputNotUTF8 }
        // "Saint-É…" in feature 2, on line 3; the CSV's "à" on line 2.
        let geojsonLine = 3
        let geojsonOffset = Array(try Data(contentsOf: territory.folder.appendingPathComponent("communes-a.geojson"))).firstIndex(of: 0xC9)!
        let csvOffset = Array(try Data(contentsOf: territory.folder.appendingPathComponent("france-services.csv"))).firstIndex(of: 0xE0)!
        #expect(found.map(\.message) == [
            "\(territory.path("communes-a.geojson")): not UTF-8 (first at line \(geojsonLine), byte offset \(geojsonOffset)): read as Windows-1252 (Latin-1); check the accented names, or set encoding: latin1 for this input in the manifest",
            "\(territory.path("france-services.csv")): not UTF-8 (first at line 2, byte offset \(csvOffset)): read as Windows-1252 (Latin-1); check the accented names, or set encoding: latin1 for this input in the manifest",
        ])
        try Self.expectNamesInOutputs(territory)
        let manifest = try territory.text("out/manifest.json")
        #expect(manifest.contains("\"encoding\": \"windows-1252\""))
        #expect(manifest.components(separatedBy: "\"encoding\"").count - 1 == 2, "\(manifest)")
    }

    @Test(arguments: ["latin1", "windows-1252", "cp1252", "LATIN1"])
    func declaredLatin1IsDecodedWithoutWarning(name: String) async throws {
        let territory = try Self.latin1Territory("encoding-declared", declaration: name)
        let report = try await territory.run()
        #expect(!report.warnings.contains { $0.kind == .inputNotUTF8 }, "\(report.warningMessages)")
        try Self.expectNamesInOutputs(territory)
        let manifest = try territory.text("out/manifest.json")
        // Both commune files are declared; the second is ASCII, read the same either way.
        #expect(manifest.components(separatedBy: "\"encoding\": \"windows-1252\"").count - 1 == 3, "\(manifest)")
    }

    @Test(arguments: ["utf8", "utf-8"])
    func declaredUTF8OnLatin1BytesIsAnError(name: String) async throws {
        let territory = try Self.latin1Territory("encoding-utf8", declaration: name)
        let (error, text) = await territory.runError()
        let offset = Array(try Data(contentsOf: territory.folder.appendingPathComponent("communes-a.geojson"))).firstIndex(of: 0xC9)!
        #expect(error == .malformed(file: territory.path("communes-a.geojson"), line: 3,
                                    detail: "byte 0xC9 at byte offset \(offset) is not UTF-8, although the manifest declares encoding: utf8 for this input; if the file is Latin-1 (Windows-1252), declare encoding: latin1, or convert it to UTF-8"),
                "\(text)")
        expectNoOutput(territory)
    }

    @Test func unknownEncodingNameIsAnError() throws {
        let territory = try Self.latin1Territory("encoding-unknown", declaration: "ebcdic")
        let (error, _) = zonegriseError { _ = try territory.configuration() }
        #expect(error == .invalidParameter(source: "\(territory.path("manifest.yaml")):5", key: "communes.encoding",
                                           detail: "\"ebcdic\" is not an encoding zonegrise reads: give utf8 (or utf-8), latin1 (or windows-1252, cp1252)"))
    }

    /// UTF-8 inputs are untouched: no warning, no `encoding` in the run manifest.
    @Test func utf8InputsHaveNoEncodingInTheManifest() async throws {
        let territory = try PipelineTerritory("encoding-utf8-plain")
        let report = try await territory.run()
        #expect(!report.warnings.contains { $0.kind == .inputNotUTF8 })
        #expect(try !territory.text("out/manifest.json").contains("\"encoding\""))
    }

    /// A gzipped Latin-1 equipment file with `encoding: utf8`: the offset is in the
    /// decompressed text and the message says so.
    @Test func gzippedInputOffsetIsOfTheDecompressedText() throws {
        let folder = try TestRepository.makeTemporaryFolder("encoding-gzip")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let plain = folder.appendingPathComponent("bpe.csv").path
        try Data(Windows1252.encode("DEPCOM,TYPEQU,NB_EQUIP,LIBELLÉ\n99001,P1,1,x\n")!).write(to: URL(fileURLWithPath: plain))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-n", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let (error, _) = zonegriseError { _ = try InputBytes.read(plain + ".gz", encoding: .utf8) }
        #expect(error == .malformed(file: plain + ".gz", line: 1,
                                    detail: "byte 0xC9 at byte offset 29 of the decompressed text is not UTF-8, although the manifest declares encoding: utf8 for this input; if the file is Latin-1 (Windows-1252), declare encoding: latin1, or convert it to UTF-8"))
        #expect(String(decoding: try InputBytes.read(plain + ".gz"), as: UTF8.self) == "DEPCOM,TYPEQU,NB_EQUIP,LIBELLÉ\n99001,P1,1,x\n")
    }

    /// `zonegrise gammes` reads national files outside a run: a Latin-1 population file
    /// is named in its summary.
    @Test func gammesCommandWarnsAboutALatin1Input() throws {
        let folder = try TestRepository.makeTemporaryFolder("encoding-gammes")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let populations = folder.appendingPathComponent("pop.csv").path, equipment = folder.appendingPathComponent("bpe.csv").path
        try Data(Windows1252.encode("code,population,libellé\n99001,1200,Évry\n99002,300,Sèvres\n")!).write(to: URL(fileURLWithPath: populations))
        try Data("DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n99002,P1,1\n".utf8).write(to: URL(fileURLWithPath: equipment))
        let output = try GammeDerivationCommand.derive(populations: populations, equipment: equipment)
        #expect(output.warnings.map(\.kind) == [.inputNotUTF8])
        #expect(output.warnings.first?.file == populations)
        #expect(output.summary.hasSuffix("\nwarning: \(populations): not UTF-8 (first at line 1, byte offset 22): read as Windows-1252 (Latin-1); check the accented names, or set encoding: latin1 for this input in the manifest"))
    }

    /// The manifest must be UTF-8: the error used to name no line.
    @Test func latin1ManifestNamesTheFirstByte() throws {
        let territory = try PipelineTerritory("encoding-manifest")
        try territory.writeBytes("manifest.yaml", Windows1252.encode("name: Région\nanalysis_area: [\"99\"]\n")!)
        let (error, _) = zonegriseError { _ = try territory.configuration() }
        #expect(error == .malformed(file: territory.path("manifest.yaml"), line: 1,
                                    detail: "byte 0xE9 at byte offset 7 is not UTF-8: the manifest must be UTF-8 text; save it as UTF-8"))
    }
}
