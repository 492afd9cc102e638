import Foundation
import Testing
@testable import Zonegrise

/// Two runs on the same inputs write byte-identical files (docs/OUTPUTS.md).
@Suite("Golden files: determinism")
struct DemoDeterminismTests {
    @Test func twoRunsGiveIdenticalFiles() async throws {
        let (first, firstReport) = try await DemoRun.run("determinism-1")
        defer { TestRepository.removeTemporaryFolder(first) }
        let (second, secondReport) = try await DemoRun.run("determinism-2")
        defer { TestRepository.removeTemporaryFolder(second) }
        // The demo routes on roads: the graph cache sits beside the outputs.
        #expect(TestRepository.entries(of: first) == (DemoRun.outputNames + ["road_graph.zgcache"]).sorted())
        #expect(TestRepository.entries(of: second) == (DemoRun.outputNames + ["road_graph.zgcache"]).sorted())
        #expect(firstReport.outputs.map { URL(fileURLWithPath: $0).lastPathComponent } == DemoRun.outputNames)
        for name in DemoRun.outputNames {
            let a = try DemoRun.bytes(first, name), b = try DemoRun.bytes(second, name)
            #expect(!a.isEmpty, "\(name) is empty")
            #expect(a == b, "\(name) differs between two runs")
        }
        #expect(firstReport.warnings == secondReport.warnings)
    }

    /// No clock time, host name or output path in any file.
    @Test func outputsCarryNoRunSpecificText() async throws {
        let (folder, _) = try await DemoRun.run("determinism-text")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        let host = ProcessInfo.processInfo.hostName
        for name in DemoRun.outputNames {
            let text = String(decoding: try DemoRun.bytes(folder, name), as: UTF8.self)
            #expect(!text.contains(folder.path), "\(name) names the output folder")
            #expect(!text.contains(folder.lastPathComponent), "\(name) names the output folder")
            if host.count > 3 { #expect(!text.contains(host), "\(name) names the host") }
            if name == "manifest.json" { #expect(!text.contains("\"\(year)-"), "manifest.json holds a date") }
        }
    }
}
