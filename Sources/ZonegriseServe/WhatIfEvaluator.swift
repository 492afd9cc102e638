import Foundation
import Zonegrise
import ZonegriseCore

/// Answers the API's questions on a `WhatIfState`: a request's changes become the text
/// of a scenario file (`ScenarioYAML`), read by the scenario reader of `compare`
/// (`ScenarioTextReader`: the same checks, the same site ids), and evaluated
/// incrementally against the base's kept searches (`PreparedAnalysis.evaluate`: a layer
/// that only gains sites is extended from its kept search; with `osm`, only the nodes
/// the new sites improve are settled). Never reads an input again.
///
/// `Sendable` and stateless: concurrent requests each get their own searches.
public struct WhatIfEvaluator: Sendable {
    public let state: WhatIfState
    /// The most sites (added, moved, itinerant stops) and poles one request may change:
    /// each costs two searches to tell its own gain.
    public static let maximumChanges = 200

    public init(state: WhatIfState) {
        self.state = state
    }

    /// The scenario file (YAML, for `zonegrise compare`) of a request body.
    /// - Throws: `WhatIfError` (400) when the body is not JSON, or the changes name an
    ///   unknown layer, site or commune, or a position outside the territory.
    public func scenarioText(json body: [UInt8]) throws(WhatIfError) -> String {
        let text = try ScenarioYAML.text(of: try ScenarioYAML.request(body), manifestPath: state.manifestPath)
        _ = try scenario(text)
        return text
    }

    /// The scenario of a scenario text, checked against the territory.
    public func scenario(_ text: String) throws(WhatIfError) -> Scenario {
        let scenario: Scenario
        do { scenario = try state.reader.read(text) } catch let error as ZonegriseError {
            throw WhatIfError(Self.sentence(error))
        } catch {
            throw WhatIfError("the changes cannot be read: \(error)")
        }
        let count = scenario.layers.values.reduce(0) { $0 + $1.added.count + $1.moved.count + $1.removed.count + $1.itinerantSites.count }
            + scenario.poles.added.count + scenario.poles.removed.count
        guard count <= Self.maximumChanges else {
            throw WhatIfError("the request makes \(count) changes; at most \(Self.maximumChanges) are evaluated at once")
        }
        return scenario
    }

    /// Evaluates a checked scenario against the base.
    /// - Complexity: that of `PreparedAnalysis.evaluate(_:base:)`: one search or
    ///   extension per changed gamme or layer, plus two per site added or moved.
    public func outcome(_ scenario: Scenario) throws -> ScenarioOutcome {
        try state.prepared.evaluate(scenario, base: state.base)
    }

    /// `POST /api/evaluate`: the JSON answer to a request body.
    public func evaluate(json body: [UInt8]) throws(WhatIfError) -> [UInt8] {
        let started = DispatchTime.now().uptimeNanoseconds
        let text = try ScenarioYAML.text(of: try ScenarioYAML.request(body), manifestPath: state.manifestPath)
        let checked = try scenario(text)
        let found: ScenarioOutcome
        do { found = try outcome(checked) } catch {
            throw WhatIfError(status: 500, "the evaluation failed: \(error)")
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        return Self.encode(EvaluationView(state: state, outcome: found, milliseconds: elapsed))
    }

    /// `GET /api/base`.
    public func baseJSON() -> [UInt8] { Self.encode(BaseView(state: state)) }

    /// `GET /api/candidates?layer=…&n=…`: the `n` best candidate communes of a layer.
    public func candidatesJSON(layer: String?, count: String?) throws(WhatIfError) -> [UInt8] {
        let names = state.result.layers.map(\.name)
        guard let layer, !layer.isEmpty else {
            throw WhatIfError("name a service layer with ?layer= (layers: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        guard let ranking = state.candidates[layer] else {
            throw WhatIfError("no service layer named \(layer) (layers: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        var n = 10
        if let count {
            guard let value = Int(count), value >= 1, value <= 1000 else { throw WhatIfError("n must be a whole number from 1 to 1000, not \"\(count)\"") }
            n = value
        }
        return Self.encode(CandidatesView(state: state, layer: layer, ranking: Array(ranking.prefix(n)), total: ranking.count))
    }

    /// One sentence of a reader's error, without the pseudo-file's name and line (the
    /// request has no lines).
    static func sentence(_ error: ZonegriseError) -> String {
        switch error {
        case let .invalidParameter(_, key, detail): return "\(key): \(detail)"
        case let .malformed(_, _, detail): return detail
        default:
            var text = error.description
            if let range = text.range(of: "requête") { text.removeSubrange(text.startIndex ..< range.upperBound) }
            return text.trimmingCharacters(in: CharacterSet(charactersIn: ":, ").union(.whitespaces))
        }
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(value))) ?? Array("{\"erreur\": \"encoding the answer failed.\"}".utf8)
    }
}
