import Foundation
import Yams
import ZonegriseCore
import ZonegriseYAML

/// Reads scenarios given as YAML text (not files) against one loaded territory, with the
/// checks of `ScenarioFile` (layers, sites, communes, positions in the territory): what
/// `zonegrise serve` does with each request, so that a request and the scenario file it
/// saves are read by the same code.
///
/// The commune polygons are indexed once, at `init`; reads are serialised on that index
/// (it holds a GEOS context, which is not thread-safe). A scenario naming a layer
/// `file` is refused: text from a request may not make the server read files.
public final class ScenarioTextReader: @unchecked Sendable {
    /// The name errors give for the text (e.g. `requête`).
    public let sourceName: String
    /// Used under `lock` only (its polygon index holds a GEOS context): hence `@unchecked`.
    private let reader: ScenarioReader
    private let lock = NSLock()

    /// - Complexity: one GEOS index of the territory's commune polygons.
    public init(configuration: AnalysisConfiguration, territory: LoadedTerritory, sourceName: String) throws {
        self.sourceName = sourceName
        reader = try ScenarioReader(file: sourceName, configuration: configuration, territory: territory, warnings: Warnings())
    }

    /// The scenario of `text` (YAML, docs/SCENARIOS.md), whose `base` must be the
    /// configuration's manifest.
    /// - Throws: `ZonegriseError` naming the entry and what is wrong.
    /// - Complexity: the YAML parse, plus one polygon look-up per position given.
    public func read(_ text: String) throws -> Scenario {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ZonegriseError.malformed(file: sourceName, line: YAMLSyntaxError.line(of: error), detail: "not valid YAML: \(YAMLSyntaxError.summary(of: error))")
        }
        guard let root, case .mapping = root else {
            throw ZonegriseError.malformed(file: sourceName, line: root?.mark?.line, detail: "a scenario must be a YAML mapping of keys (see docs/SCENARIOS.md)")
        }
        if let layers = root["layers"], case let .mapping(byLayer) = layers {
            for (key, changes) in byLayer {
                if case .mapping = changes, changes["file"] != nil {
                    throw ZonegriseError.invalidParameter(source: sourceName, key: "layers.\(key.string ?? "").file",
                                                          detail: "a layer file cannot be given here; name the sites to add, remove or move")
                }
            }
        }
        lock.lock()
        defer { lock.unlock() }
        return try reader.read(root)
    }
}
