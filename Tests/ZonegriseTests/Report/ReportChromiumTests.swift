import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// `rapport.html` of the demo (analyse and compare) rendered by headless Chromium: the
/// page is not blank, each map has one shape per analysed commune, no request leaves
/// the file, and the tables' figures equal those of the CSV files.
@Suite("Report in headless Chromium", .requires("chromium and timeout (scripts/install-deps.sh)", { HeadlessChromium.isAvailable }))
struct ReportChromiumTests {
    static let scenario = TestRepository.path("examples/scenarios/demo-nouveaux-sites.yaml")

    /// `<svg … data-carte="NAME" …>…</svg>` of a page: map name → its `data-code`s, in order.
    static func mapCodes(_ dom: String) -> [(name: String, codes: [String])] {
        var maps: [(String, [String])] = []
        for chunk in dom.components(separatedBy: "<svg").dropFirst() {
            guard let body = chunk.components(separatedBy: "</svg>").first,
                  let name = Self.attribute("data-carte", in: body) else { continue }
            maps.append((name, body.components(separatedBy: "<path data-code=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }))
        }
        return maps
    }

    static func attribute(_ name: String, in text: String) -> String? {
        guard let range = text.range(of: "\(name)=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A table of the page: per row (`data-key`), column → `data-value`.
    static func table(_ id: String, in dom: String) -> [(key: String, values: [String: String])]? {
        guard let start = dom.range(of: "<table id=\"\(id)\"") else { return nil }
        let body = dom[start.upperBound...].components(separatedBy: "</table>")[0]
        return body.components(separatedBy: "<tr data-key=\"").dropFirst().map { row in
            let key = String(row.prefix { $0 != "\"" })
            var values: [String: String] = [:]
            for cell in row.components(separatedBy: "<td ").dropFirst() {
                guard let column = attribute("data-col", in: cell), let value = attribute("data-value", in: cell) else { continue }
                values[column] = value
            }
            return (key, values)
        }
    }

    static func csv(_ folder: URL, _ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        let header = fields(lines[0])
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    /// The fields of one CSV line, `"…"` quoting with `""` for a quote (RFC 4180).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character = " "
        for character in line {
            if character == "\"" {
                if quoted { quoted = false } else { quoted = true; if previous == "\"" { field.append("\"") } }
            } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return fields + [field]
    }

    /// Every figure column of `csvName` equals the `data-value` of its cell, row by row.
    static func expectTable(_ id: String, dom: String, folder: URL, csvName: String, key: ([String: String]) -> String,
                            columns: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try csv(folder, csvName)
        let found = try #require(Self.table(id, in: dom), "no table \(id)", sourceLocation: sourceLocation)
        #expect(found.count == rows.count, "\(id): \(found.count) rows, \(csvName): \(rows.count)", sourceLocation: sourceLocation)
        for (row, line) in zip(found, rows) {
            #expect(row.key == key(line), sourceLocation: sourceLocation)
            for column in columns {
                #expect(row.values[column] == line[column], "\(id) \(row.key) \(column)", sourceLocation: sourceLocation)
            }
        }
    }

    func check(report folder: URL, communes: [String], scratch: URL) throws -> String {
        let page = folder.appendingPathComponent("rapport.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"), "rapport.html names no URL")
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"), "nothing to fetch or run")
        let run = try HeadlessChromium.dumpDOM(page, scratch: scratch)
        #expect(run.pageRequests.allSatisfy { $0.hasPrefix(folder.absoluteString) }, "requests: \(run.pageRequests)")
        let maps = Self.mapCodes(run.dom)
        #expect(maps.count >= 7)
        for map in maps {
            #expect(map.codes == communes, "map \(map.name): \(map.codes.count) commune shapes, \(communes.count) communes")
            let file = folder.appendingPathComponent("cartes/\(map.name).svg")
            #expect(FileManager.default.fileExists(atPath: file.path), "cartes/\(map.name).svg")
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("zones_grises.csv").path) else { return run.dom }
        try Self.expectTable("table-zones-grises", dom: run.dom, folder: folder, csvName: "zones_grises.csv", key: { $0["gamme"]! },
                             columns: ["seuil_minutes", "communes", "population", "part_population_pct"])
        try Self.expectTable("table-subdivisions", dom: run.dom, folder: folder, csvName: "zones_grises_par_subdivision.csv",
                             key: { "\($0["subdivision"]!):\($0["code"]!):\($0["gamme"]!)" },
                             columns: ["seuil_minutes", "communes", "population", "part_population_pct", "communes_total", "population_totale"])
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("secteurs.csv").path) {
            try Self.expectTable("table-secteurs", dom: run.dom, folder: folder, csvName: "secteurs.csv", key: { $0["secteur"]! },
                                 columns: ["communes", "population", "petit_secteur"])
        }
        return run.dom
    }

    @Test func demoAnalysisReport() async throws {
        let scratch = try TestRepository.makeTemporaryFolder("report-chromium")
        defer { TestRepository.removeTemporaryFolder(scratch) }
        let out = scratch.appendingPathComponent("analyse")
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        let report = try await AnalysisRun(configuration: config, outputDirectory: out.path).execute()
        let communes = report.result.communes.map(\.code)
        _ = try check(report: out, communes: communes, scratch: scratch)

        let png = scratch.appendingPathComponent("rapport.png")
        try HeadlessChromium.screenshot(out.appendingPathComponent("rapport.html"), to: png, width: 1240, height: 1754, scratch: scratch)
        let image = try PNGImage([UInt8](try Data(contentsOf: png)))
        #expect(image.width == 1240 && image.height == 1754)
        let share = Double(image.nonWhitePixels()) / Double(image.width * image.height)
        #expect(share > 0.15, "the first page is \(Int(share * 100)) % non-white: blank or unstyled")
    }

    @Test func demoComparisonReport() async throws {
        let scratch = try TestRepository.makeTemporaryFolder("report-chromium-compare")
        defer { TestRepository.removeTemporaryFolder(scratch) }
        let out = scratch.appendingPathComponent("compare")
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        let report = try await ComparisonRun(configuration: config, scenarioPaths: [Self.scenario], outputDirectory: out.path).execute()
        let dom = try check(report: out, communes: report.base.communes.map(\.code), scratch: scratch)
        try Self.expectTable("table-comparaison-1", dom: dom, folder: out, csvName: "comparaison.csv", key: { $0["gamme"]! },
                             columns: ["seuil_minutes"] + AnalysisOutputs.comparisonHeader)
        let names = Self.mapCodes(dom).map(\.name)
        #expect(names.contains { $0.hasSuffix("_france_services_gain") }, "maps: \(names)")
        #expect(dom.contains("class=\"site-ajoute\""), "the added sites are drawn")
    }

    /// `<svg … data-carte="NAME" …>…</svg>` of a page: map name → the codes it hatches (`data-fragile`), in order.
    static func hatchedCodes(_ dom: String) -> [String: [String]] {
        var maps: [String: [String]] = [:]
        for chunk in dom.components(separatedBy: "<svg").dropFirst() {
            guard let body = chunk.components(separatedBy: "</svg>").first, let name = Self.attribute("data-carte", in: body) else { continue }
            maps[name] = body.components(separatedBy: "<path data-fragile=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        return maps
    }

    /// `--sensitivite`: the maps of each gamme hatch exactly the communes `communes.csv`
    /// says are fragile for it, the zone-grise map those fragile for any gamme, the
    /// other maps none; the summary table carries the range columns of zones_grises.csv.
    @Test func demoSensitivityReportHatchesTheFragileCommunes() async throws {
        let scratch = try TestRepository.makeTemporaryFolder("report-chromium-sensitivite")
        defer { TestRepository.removeTemporaryFolder(scratch) }
        let out = scratch.appendingPathComponent("analyse")
        var config = try TerritoryManifest.load(path: DemoRun.manifest)
        config.sensitivity = true
        let report = try await AnalysisRun(configuration: config, outputDirectory: out.path).execute()
        let dom = try check(report: out, communes: report.result.communes.map(\.code), scratch: scratch)
        try Self.expectTable("table-zones-grises", dom: dom, folder: out, csvName: "zones_grises.csv", key: { $0["gamme"]! },
                             columns: AnalysisOutputs.rangeColumns)
        let rows = try Self.csv(out, "communes.csv")
        let hatched = Self.hatchedCodes(dom)
        var anyFragile: Set<String> = []
        for gamme in ["proximite", "intermediaire", "superieure"] {
            let fragile = rows.filter { $0["zone_grise_\(gamme)_robuste"] == "fragile" }.map { $0["code"]! }
            #expect(!fragile.isEmpty, "\(gamme): the demo has fragile communes")
            #expect(hatched["bandes_\(gamme)"] == fragile, "bandes_\(gamme): hatched \(hatched["bandes_\(gamme)"]?.count ?? 0), fragile \(fragile.count)")
            anyFragile.formUnion(fragile)
        }
        #expect(hatched["zones_grises"] == rows.map { $0["code"]! }.filter(anyFragile.contains))
        for name in ["secteurs", "poles", "couche_france_services"] { #expect(hatched[name] == [], "\(name) hatches nothing") }
        #expect(dom.contains("zone grise fragile ("), "the legend names the hatch")
    }

    /// The request check can fail: a page fetching an image is caught.
    @Test func aPageThatFetchesIsCaught() throws {
        let scratch = try TestRepository.makeTemporaryFolder("report-chromium-probe")
        defer { TestRepository.removeTemporaryFolder(scratch) }
        let page = scratch.appendingPathComponent("probe.html")
        try Data("<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"><p>x</p></body></html>".utf8).write(to: page)
        let run = try HeadlessChromium.dumpDOM(page, scratch: scratch)
        #expect(run.pageRequests.contains("http://127.0.0.1:9/x.png"), "requests: \(run.pageRequests)")
    }
}
