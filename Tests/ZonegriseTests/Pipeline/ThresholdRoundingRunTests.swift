import Foundation
import Testing
@testable import Zonegrise

/// A time exactly on a threshold and the rounding rule of docs/OUTPUTS.md through a
/// whole run, as communes.csv and zones_grises.csv print them: times are rounded to
/// 0.01 minute once and the rounded value is both printed and compared.
@Suite("Pipeline: times on the threshold and their rounding")
struct ThresholdRoundingRunTests {
    /// Matrix times to 99005 (the only pôle supérieur, threshold 30): 99002 exactly 30,
    /// 99003 29.996, 99004 30.004, 99006 30.006, the others 5; pairs to 99001 missing
    /// (unreachable).
    static let minutes: [String: String] = ["99002": "30", "99003": "29.996", "99004": "30.004", "99006": "30.006"]

    static func territory(_ label: String, comparison: String?) throws -> PipelineTerritory {
        let territory = try PipelineTerritory(label)
        var rows = ["origin,destination,minutes"]
        for index in 0 ..< 9 where PipelineTerritory.code(index) != "99005" {
            let code = PipelineTerritory.code(index)
            rows.append("\(code),99005,\(minutes[code] ?? "5")")
        }
        try territory.write("matrix.csv", rows.joined(separator: "\n") + "\n")
        try territory.writeManifest(extra: """
            time_model:
              kind: matrix
              matrix:
                file: matrix.csv
                missing: unreachable
            \(comparison.map { "comparison: \($0)" } ?? "")
            """)
        return territory
    }

    /// (temps_superieure, zone_grise_superieure) of the four communes, and the
    /// supérieure row of zones_grises.csv.
    static func outcome(_ territory: PipelineTerritory) async throws -> (times: [String], grey: [String], summary: [String: String]) {
        try await territory.run()
        let communes = try territory.outputRows("communes.csv").rows
        let codes = ["99002", "99003", "99004", "99006"]
        let times = try codes.map { try #require(communes[$0]?["temps_superieure"]) }
        let grey = try codes.map { try #require(communes[$0]?["zone_grise_superieure"]) }
        let summary = try #require(try territory.outputRows("zones_grises.csv").rows["superieure"])
        return (times, grey, summary)
    }

    @Test func strictByDefault() async throws {
        let territory = try Self.territory("threshold-strict", comparison: nil)
        let (times, grey, summary) = try await Self.outcome(territory)
        #expect(times == ["30", "30", "30", "30.01"])
        #expect(grey == ["false", "false", "false", "true"])
        // Only 99006 (350 inhabitants) is beyond 30 minutes.
        #expect(summary["seuil_minutes"] == "30" && summary["communes"] == "1" && summary["population"] == "350")
    }

    @Test func inclusiveCountsTheTimesOnTheThreshold() async throws {
        let territory = try Self.territory("threshold-inclusive", comparison: "inclusive")
        let (times, grey, summary) = try await Self.outcome(territory)
        #expect(times == ["30", "30", "30", "30.01"])
        #expect(grey == ["true", "true", "true", "true"])
        // 99002, 99003, 99004, 99006: 300 + 250 + 400 + 350 inhabitants.
        #expect(summary["communes"] == "4" && summary["population"] == "1300")
    }
}
