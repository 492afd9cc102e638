import Foundation
import Testing
import ZonegriseTestSupport

/// The page in a real browser: Debian's chromium and chromium-driver driven by Selenium
/// (Debian's python3-selenium; scripts/install-deps.sh installs the three), through
/// scripts/serve-browser-check.py. A click on a commune adds a France Services there; the
/// gain the panel shows must be the one `zonegrise compare` gives for the same change.
@Suite("Serve: the page in chromium")
struct ServeBrowserTests {
    static let python = "/usr/bin/python3"

    static var hasBrowser: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
              FileManager.default.isExecutableFile(atPath: python) else { return false }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import selenium"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }

    @Test(.requires("chromium, chromium-driver and python3-selenium (scripts/install-deps.sh)", { hasBrowser }))
    func clickOnACommuneShowsCompareGain() throws {
        let code = "99179"
        let server = try ServeProcess.sharedDemo()
        let folder = try RepositoryFolders.makeTemporaryFolder("serve-browser")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: Self.python)
        browser.arguments = [RepositoryFolders.path("scripts/serve-browser-check.py"), server.url, code]
        let output = Pipe(), errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try browser.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "\(complaint)")
        let panel = try #require((try? JSONSerialization.jsonObject(with: printed)) as? [String: Any], "\(String(decoding: printed, as: UTF8.self)) \(complaint)")
        #expect(panel["chemins"] as? Int == 300, "one path per analysed commune")
        #expect(panel["couche"] as? String == "france_services")
        let gain = try #require(panel["gain"] as? Int)

        // The same change as a scenario file of its own, through `zonegrise compare`.
        let scenario = folder.appendingPathComponent("clic.yaml")
        try """
        version: 1
        name: clic
        base: \(RepositoryFolders.path("geodata/demo/demo.yaml"))
        layers:
          france_services:
            add:
              - commune: "\(code)"
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let compare = Process()
        compare.executableURL = URL(fileURLWithPath: ServeProcess.binary)
        compare.arguments = ["compare", "geodata/demo/demo.yaml", scenario.path, "--out", out, "-q"]
        compare.currentDirectoryURL = RepositoryFolders.root
        try compare.run()
        compare.waitUntilExit()
        #expect(compare.terminationStatus == 0)
        let rows = try String(contentsOfFile: out + "/comparaison.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let layer = try #require(rows.first { $0[1] == "france_services" })
        let compareGain = -(try #require(Int(layer[10])))
        #expect(compareGain > 0)
        #expect(gain == compareGain, "the panel shows \(gain), compare gives \(compareGain)")
        // The text a planner reads: the same number, French digit grouping.
        let digits = (panel["texte"] as? String ?? "").filter(\.isNumber)
        #expect(digits == String(compareGain), "\(panel["texte"] ?? "")")
    }
}
