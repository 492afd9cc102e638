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
        #expect(TestRepository.entries(of: first) == DemoRun.topLevel(DemoRun.outputNames + ["road_graph.zgcache"]))
        #expect(TestRepository.entries(of: second) == DemoRun.topLevel(DemoRun.outputNames + ["road_graph.zgcache"]))
        #expect(TestRepository.entries(of: first.appendingPathComponent("cartes")) == DemoRun.mapNames.map { $0 + ".svg" }.sorted())
        #expect(DemoRun.relative(firstReport.outputs, to: first) == DemoRun.outputNames)
        for name in DemoRun.outputNames {
            let a = try DemoRun.bytes(first, name), b = try DemoRun.bytes(second, name)
            #expect(!a.isEmpty, "\(name) is empty")
            #expect(a == b, "\(name) differs between two runs")
        }
        #expect(firstReport.warnings == secondReport.warnings)
    }

    /// A run that builds the road graph (fresh output folder, no cache) and a run that
    /// reads it from the cache the first left: every output byte for byte the same, and
    /// the cache itself untouched by the reading run.
    @Test func aRunReadingTheGraphCacheEqualsTheRunThatBuiltIt() async throws {
        let folder = try TestRepository.makeTemporaryFolder("cache-built-read")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        let built = try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
        #expect(built.roadGraphCacheState == "built")
        let cache = folder.appendingPathComponent("road_graph.zgcache")
        let cacheBytes = try Data(contentsOf: cache)
        let first = try DemoRun.outputNames.map { try DemoRun.bytes(folder, $0) }

        let read = try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
        #expect(read.roadGraphCacheState == "read")
        #expect(try Data(contentsOf: cache) == cacheBytes, "the reading run rewrote the cache")
        for (name, bytes) in zip(DemoRun.outputNames, first) {
            #expect(!bytes.isEmpty, "\(name) is empty")
            #expect(try DemoRun.bytes(folder, name) == bytes, "\(name) differs between the run that built the graph and the run that read it")
        }
        #expect(built.warningMessages == read.warningMessages)
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
