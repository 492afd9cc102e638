import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// Results of the Pas-de-Calais run, not only their shape: the `zones_grises.csv`
/// summary against its golden copy, and a seeded sample of communes' times against an
/// independent crow-fly calculation from the input files.
extension PasDeCalaisTests {
    /// `Tests/ZonegriseTests/Golden/pas-de-calais/`: aggregate figures we compute (no row of
    /// the shared data). Re-recorded only on request, as the demo's:
    /// `ZONEGRISE_RECORD=1 swift test --filter PasDeCalaisTests`, then check `git diff`.
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/pas-de-calais")

    @Test func zonesGrisesSummaryMatchesItsGoldenCopy() async throws {
        let actual = try #require(try await Self.result().files["zones_grises.csv"])
        let golden = Self.goldenFolder.appendingPathComponent("zones_grises.csv")
        if ProcessInfo.processInfo.environment["ZONEGRISE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden)
        }
        let expected = try #require(FileManager.default.contents(atPath: golden.path),
                                    "no golden copy \(golden.path); record it with ZONEGRISE_RECORD=1")
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "zones_grises.csv differs from its golden copy (if the change is intended, re-record with ZONEGRISE_RECORD=1 and say why)")
    }

    /// GDAL's `ogr2ogr` (`gdal-bin`), which computes the commune centres independently.
    static let ogr2ogr = Prerequisite.executable(["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr", "/opt/homebrew/bin/ogr2ogr"])

    /// Lambert-93 centres of every commune of a commune file as the crow-fly model defines
    /// them (docs/CALIBRATION.md: the point on surface of the commune's polygon, the
    /// polygons of a merged commune united first), computed by GDAL and SpatiaLite
    /// (`ST_Transform` to EPSG:2154, `ST_Union`, `ST_PointOnSurface`) from the GeoJSON.
    static func independentCentres(_ file: String, fusions: [String: String]) throws -> [String: (x: Double, y: Double)] {
        let layer = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let merged = fusions.isEmpty ? "code" : "CASE " + fusions.sorted { $0.key < $1.key }
            .map { "WHEN code = '\($0.key)' THEN '\($0.value)'" }.joined(separator: " ") + " ELSE code END"
        let sql = """
            SELECT c, ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT \(merged) AS c,
            ST_PointOnSurface(ST_Union(ST_Transform(geometry, 2154))) AS p FROM "\(layer)" GROUP BY c)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ogr2ogr))
        process.arguments = ["-f", "CSV", "/vsistdout/", "-dialect", "SQLite", "-sql", sql, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "ogr2ogr failed on \(file)")
        var centres: [String: (x: Double, y: Double)] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard fields.count == 3, let x = Double(fields[1]), let y = Double(fields[2]) else { continue }
            centres[fields[0]] = (x, y)
        }
        return centres
    }

    /// 30 communes drawn with a fixed seed: every gamme's time is the crow-fly time
    /// (straight line × 1.3 ÷ 50 km/h, centre to centre: docs/CALIBRATION.md) to the
    /// nearest pole of `poles.geojson` serving that gamme, recomputed from independent
    /// centres; communes.csv holds it rounded to 0.01 minute (docs/OUTPUTS.md), so the
    /// printed value is within half a hundredth of the recomputed one (plus 10⁻⁴ minute,
    /// 6 cm, for two projections of the same coordinates), and names that pole.
    @Test(.requires("ogr2ogr (gdal-bin) for the independent centres", { ogr2ogr != nil }))
    func sampledTimesEqualAnIndependentCrowFlyCalculation() async throws {
        let run = try await Self.result()
        let manifest = try await Self.manifest()
        let model = try #require(manifest["time_model"] as? [String: Any])
        let parameters = model
        #expect(model["kind"] as? String == "crowfly")
        #expect("\(parameters["speed_kmh"] ?? "")" == "50" && "\(parameters["detour"] ?? "")" == "1.3"
                && "\(parameters["intra_commune"] ?? "")" == "false", "\(parameters)")
        let minutesPerMetre = 1.3 / 50 / 1000 * 60

        let folder = TestRepository.sharedGeodata.appendingPathComponent("admin-express-2018/communes")
        var centres: [String: (x: Double, y: Double)] = [:]
        for name in ["62-pas-de-calais", "59-nord", "80-somme"] {
            centres.merge(try Self.independentCentres(folder.appendingPathComponent(name + ".geojson").path,
                                                      fusions: ["62210": "62154"])) { a, _ in a }
        }
        #expect(centres.count > 2_000, "\(centres.count) centres")

        // The poles of each gamme, as the run classified them (the classification has its
        // own tests; this one checks the times).
        let polesFile = try #require(run.files["poles.geojson"])
        let poles = try #require(try JSONSerialization.jsonObject(with: polesFile) as? [String: Any])
        var polesOf: [String: [String]] = [:]
        for feature in try #require(poles["features"] as? [[String: Any]]) {
            let properties = try #require(feature["properties"] as? [String: Any])
            let code = try #require(properties["code"] as? String)
            for gamme in (properties["gammes"] as? String ?? "").split(separator: ",") { polesOf[String(gamme), default: []].append(code) }
        }
        #expect(Set(polesOf.keys) == ["proximite", "intermediaire", "superieure"])

        let table = try await Self.csv("communes.csv")
        var rng = SplitMix64(seed: 62)
        var sample = Set<Int>()
        while sample.count < 30 { sample.insert(Int.random(in: 0 ..< table.rows.count, using: &rng)) }
        var checked = 0
        for row in sample.sorted().map({ table.rows[$0] }) {
            let code = row[0]
            let origin = try #require(centres[code], "no independent centre for \(code)")
            for gamme in ["proximite", "intermediaire", "superieure"] {
                let timeColumn = try #require(table.header.firstIndex(of: "temps_" + gamme))
                let poleColumn = try #require(table.header.firstIndex(of: "pole_" + gamme))
                let printed = try #require(Double(row[timeColumn]))
                let pole = row[poleColumn]
                let times = try #require(polesOf[gamme]).map { target -> (code: String, minutes: Double) in
                    let c = centres[target] ?? (x: .infinity, y: .infinity)
                    return (target, ((c.x - origin.x) * (c.x - origin.x) + (c.y - origin.y) * (c.y - origin.y)).squareRoot() * minutesPerMetre)
                }.sorted { ($0.minutes, $0.code) < ($1.minutes, $1.code) }
                let nearest = try #require(times.first)
                #expect(abs(printed - nearest.minutes) <= 0.005 + 1e-4,
                        "\(code) \(gamme): communes.csv says \(printed) min, recomputed \(nearest.minutes) min to \(nearest.code)")
                let tied = times.prefix { $0.minutes - nearest.minutes <= 1e-4 }.map(\.code)
                #expect(tied.contains(pole), "\(code) \(gamme): communes.csv names pole \(pole), the nearest is \(nearest.code)")
                checked += 1
            }
        }
        #expect(checked == 90)
    }
}
