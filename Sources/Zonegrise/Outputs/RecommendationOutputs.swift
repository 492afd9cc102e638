import ZonegriseCore

extension AnalysisOutputs {
    /// `recommandation.csv`: one row per recommended site, in the order chosen.
    func recommendationCSV(_ recommendation: Recommendation) -> [UInt8] {
        var writer = CSVWriter(header: ["rang", "commune", "nom", "couche", "id_site", "gain_marginal", "restant_au_dela", "ponderation", "objectif"])
        for (rank, site) in recommendation.result.sites.enumerated() {
            let commune = recommendation.communes.first { $0.code == site.place.communeCode }
            writer.addRow([String(rank + 1), site.place.communeCode, commune?.nom ?? "", recommendation.layer,
                           recommendation.scenario.layers[recommendation.layer]?.added[rank].id ?? site.id,
                           String(site.gainWeight), String(site.beyondWeightAfter), recommendation.weightName, recommendation.objective])
        }
        return writer.bytes()
    }

    /// `non_couvrables.csv`: the communes beyond the threshold that no candidate can
    /// bring within it (`--cover-all`).
    func uncoverableCSV(_ recommendation: Recommendation) -> [UInt8] {
        var writer = CSVWriter(header: ["code", "nom", "population", "poids"])
        for i in recommendation.result.uncoverable {
            let commune = recommendation.communes[i]
            writer.addRow([commune.code, commune.nom, String(commune.population), String(recommendation.weights[i])])
        }
        return writer.bytes()
    }

    /// `scenario.yaml`: the recommended sites as a scenario for `zonegrise compare`.
    func scenarioYAML(_ recommendation: Recommendation) -> [UInt8] {
        var lines = [
            "# Sites recommended by zonegrise recommend (\(recommendation.objective), \(recommendation.weightName)).",
            "# zonegrise compare \(recommendation.manifestPath) scenario.yaml --out DIR",
            "version: 1",
            "name: \(recommendation.scenario.name)",
            "label: \(JSONOutput.string(recommendation.scenario.label).text(pretty: false))",
            "base: \(JSONOutput.string(recommendation.manifestPath).text(pretty: false))",
            "layers:",
            "  \(recommendation.layer):",
            "    add:",
        ]
        for site in recommendation.scenario.layers[recommendation.layer]?.added ?? [] {
            lines.append("      - {commune: \"\(site.communeCode)\", id: \"\(site.id)\", name: \(JSONOutput.string(site.name).text(pretty: false))}")
        }
        if recommendation.scenario.layers[recommendation.layer]?.added.isEmpty ?? true { lines[lines.count - 1] = "    add: []" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}

/// `recommandation.csv`, `scenario.yaml` and, with `--cover-all`, `non_couvrables.csv`.
public struct RecommendationOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        guard let recommendation = outputs.recommendation else { return [] }
        var files = [OutputFile(name: "recommandation.csv", bytes: outputs.recommendationCSV(recommendation)),
                     OutputFile(name: "scenario.yaml", bytes: outputs.scenarioYAML(recommendation))]
        if recommendation.objective == "set_covering" {
            files.append(OutputFile(name: "non_couvrables.csv", bytes: outputs.uncoverableCSV(recommendation)))
        }
        return files
    }
}
