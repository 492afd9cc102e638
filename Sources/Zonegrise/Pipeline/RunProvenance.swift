import ZonegriseCore

/// The run manifest's data for writers that show it (the report's provenance section):
/// set by `AnalysisRun.write` on the outputs it renders. The inputs are hashed while
/// the writers run; a writer awaiting `manifest` waits for the hashes only.
struct RunProvenance: Sendable {
    let configuration: AnalysisConfiguration
    let model: any TravelTimeModel
    let digests: Task<[String: InputDigests.Digest], any Error>

    /// `manifest.json`'s content but its `outputs` (empty here: the outputs are still
    /// being rendered).
    func manifest(for outputs: AnalysisOutputs) async throws -> JSONOutput {
        try RunManifest(configuration: configuration, territory: outputs.territory, result: outputs.result, model: model,
                        warnings: outputs.warnings.map(\.message), outputs: [], digests: try await digests.value,
                        sensitivity: outputs.sensitivity?.variants).json()
    }
}
