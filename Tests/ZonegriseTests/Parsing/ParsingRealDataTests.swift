import Foundation
import Testing
@testable import Zonegrise

/// Files of `../shared/geodata` read by these tests.
private enum RealFile {
    static let communes = "admin-express-2018/communes"
    static let pasDeCalais = "admin-express-2018/communes/62-pas-de-calais.geojson"
    static let franceServicesGeoJSON = "anct-france-services/france_services_2020-09.geojson"
    static let franceServicesCSV = "anct-france-services/liste-fs-20240801.csv"
    static let reference = "reference/duree_moyenne_par_commune_D265_reg52.geojson"
    static let bpe2019 = "insee-bpe/bpe_ens_2019_france.csv.gz"
    static let populations = "insee-populations-2021/donnees_communes.csv"
}

/// The readers on the real open data of `../shared/geodata` (skipped when it is absent).
@Suite("Parsing real data")
struct ParsingRealDataTests {
    @Test(.requires("../shared/geodata/\(RealFile.pasDeCalais)", { ParsingGeodata.exists(RealFile.pasDeCalais) }))
    func pasDeCalaisCommunes() throws {
        let document = try GeoJSONReader.read(try ParsingGeodata.bytes(RealFile.pasDeCalais), file: RealFile.pasDeCalais)
        #expect(document.features.count == 891)
        #expect(document.crsName == nil)
        var codes = Set<String>()
        for feature in document.features {
            let code = feature.properties["code"]?.stringValue ?? ""
            #expect(code.count == 5 && code.hasPrefix("62"), "feature \(feature.index): \(code)")
            codes.insert(code)
            let shape = feature.geometry?.asMultiPolygon
            #expect(shape != nil && shape!.vertexCount >= 4, "feature \(feature.index)")
            // WGS84 longitude then latitude, inside the département.
            if let box = shape?.bounds {
                #expect(box.minX > 1.3 && box.maxX < 3.3 && box.minY > 50 && box.maxY < 51.1, "\(code): \(box)")
            }
        }
        #expect(codes.count == 891)
        #expect(codes.contains("62041"))
    }

    @Test(.requires("../shared/geodata/\(RealFile.communes)", { ParsingGeodata.exists(RealFile.communes) }))
    func allFrenchCommunes() throws {
        let folder = RealFile.communes
        let names = try FileManager.default.contentsOfDirectory(atPath: ParsingGeodata.path(folder))
            .filter { $0.hasSuffix(".geojson") }.sorted()
        #expect(names.count == 101)
        var codes = Set<String>()
        var features = 0
        var positions = 0
        for name in names {
            let document = try GeoJSONReader.read(try ParsingGeodata.bytes("\(folder)/\(name)"), file: name)
            for feature in document.features {
                guard let shape = feature.geometry?.asMultiPolygon, let code = feature.properties["code"]?.stringValue else {
                    Issue.record("\(name): feature \(feature.index) has no polygon or no code")
                    continue
                }
                codes.insert(code)
                positions += shape.vertexCount
            }
            features += document.features.count
        }
        #expect(features == 35_357)
        #expect(codes.count == features)
        #expect(positions == 2_199_045)
    }

    @Test(.requires("../shared/geodata/\(RealFile.franceServicesGeoJSON)", { ParsingGeodata.exists(RealFile.franceServicesGeoJSON) }))
    func franceServicesPointsWithLegacyCRS() throws {
        let bytes = try ParsingGeodata.bytes(RealFile.franceServicesGeoJSON)
        let document = try GeoJSONReader.read(bytes, file: RealFile.franceServicesGeoJSON)
        #expect(document.crsName == "urn:ogc:def:crs:OGC:1.3:CRS84")
        #expect(document.features.count == 908)
        #expect(document.features.allSatisfy { $0.geometry?.asPoint != nil })
        let first = document.features[0]
        #expect(first.properties["insee_com"]?.stringValue == "01033")
        #expect(first.properties["MATRICULE"]?.propertyText == "1")
        #expect(first.line == 6)
        // The same file through the generic parser agrees on the number of features.
        let tree = try JSONParser.parse(bytes, file: RealFile.franceServicesGeoJSON)
        #expect(tree["features"]?.arrayValue?.count == 908)
    }

    @Test(.requires("../shared/geodata/\(RealFile.reference)", { ParsingGeodata.exists(RealFile.reference) }))
    func paysDeLaLoireReference() throws {
        let document = try GeoJSONReader.read(try ParsingGeodata.bytes(RealFile.reference), file: RealFile.reference)
        #expect(document.features.count == 1232)
        #expect(document.features.allSatisfy { $0.geometry?.asMultiPolygon != nil })
        // One commune has `"duree_moyenne": null` in INSEE's file.
        #expect(document.features.filter { $0.properties["duree_moyenne"]?.doubleValue != nil }.count == 1231)
        #expect(document.features.filter { $0.properties["duree_moyenne"] == .null }.count == 1)
    }

    @Test(.requires("../shared/geodata/\(RealFile.bpe2019)", { ParsingGeodata.exists(RealFile.bpe2019) }))
    func bpe2019() throws {
        let bytes = try ParsingGeodata.gunzip(RealFile.bpe2019)
        let csv = try CSVReader(bytes: bytes, file: RealFile.bpe2019)
        #expect(csv.header == ["REG", "DEP", "DEPCOM", "DCIRIS", "AN", "TYPEQU", "NB_EQUIP"])
        #expect(csv.delimiter == UInt8(ascii: ","))
        let count = try csv.column("NB_EQUIP")
        let year = try csv.column("an")
        var records = 0
        var equipment = 0
        var lastLine = 0
        try csv.forEachRecord { record in
            records += 1
            equipment += try record.requireInt(count, field: "NB_EQUIP")
            #expect(record.int(year) == 2019)
            lastLine = record.line
        }
        #expect(records > 1_000_000)
        #expect(lastLine == records + 1)
        #expect(equipment > records)
    }

    @Test(.requires("../shared/geodata/\(RealFile.populations)", { ParsingGeodata.exists(RealFile.populations) }))
    func populations2021() throws {
        let csv = try CSVReader(bytes: try ParsingGeodata.bytes(RealFile.populations), file: RealFile.populations)
        #expect(csv.delimiter == UInt8(ascii: ";"))
        #expect(csv.header.first == "REG")
        #expect(csv.header.contains("Région"))
        let code = try csv.column("COM")
        let population = try csv.column("pmun")
        var records = 0
        var arras: Int?
        try csv.forEachRecord { record in
            records += 1
            let value = try record.requireInt(population, field: "PMUN")
            if record.string(code) == "62041" { arras = value }
        }
        #expect(records == 34_973)
        #expect(arras ?? 0 > 40_000)
    }

    @Test(.requires("../shared/geodata/\(RealFile.franceServicesCSV)", { ParsingGeodata.exists(RealFile.franceServicesCSV) }))
    func franceServices2024() throws {
        let csv = try CSVReader(bytes: try ParsingGeodata.bytes(RealFile.franceServicesCSV), file: RealFile.franceServicesCSV)
        #expect(csv.delimiter == UInt8(ascii: ","))
        let latitude = try csv.column("latitude")
        let longitude = try csv.column("longitude")
        let department = try csv.column("insee_dep")
        var records = 0
        var pasDeCalais = 0
        var maxLine = 0
        try csv.forEachRecord { record in
            records += 1
            let lat = try record.requireDouble(latitude, field: "latitude")
            let lon = try record.requireDouble(longitude, field: "longitude")
            #expect((-22.0...56.0).contains(lat) && (-180.0...180.0).contains(lon), "line \(record.line)")
            if record.string(department) == "62" { pasDeCalais += 1 }
            maxLine = record.line
        }
        #expect(records == 2_845)
        #expect(pasDeCalais == 50)
        #expect(maxLine > records + 1)  // some quoted fields span several lines
    }
}
