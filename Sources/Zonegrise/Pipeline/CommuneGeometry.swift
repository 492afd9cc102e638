import Synchronization
import ZonegriseCore

/// The output work that needs the analysed communes' shapes only, not the analysis: their
/// edge index (`CoverageEdges`, for the sectors' contiguity and the dissolves) and, when
/// the report is written, the maps' simplified paths (`SimplifiedCommunes.paths`).
///
/// The run starts it in a task as soon as the loader has the final shapes
/// (`TerritoryLoader.shapesRead`), so that it runs while the loader waits for the
/// equipment file's last rows and matches the national rows, and while the analysis runs,
/// which leave a core idle; `AnalysisRun.shapes` then takes it. The same computations as
/// when done after the analysis, on the same shapes: the same bytes.
struct CommuneGeometry: Sendable {
    /// The analysed communes' codes, sorted (the order of `AnalysisResult.communes`).
    var codes: [String]
    var coverage: CoverageEdges
    /// The maps' simplified paths, with "simplify maps (concurrent)", in a task of their
    /// own started once the index is built (the sectors are grouped from the index
    /// without waiting for it); nil unless the report's maps are drawn.
    var mapPaths: Task<(paths: SimplifiedCommunes.MapPaths, timings: StageTimings), any Error>?
    /// "commune edges (concurrent)".
    var timings: StageTimings

    /// - Complexity: O(v) for the edge index (0.3 s on France); the maps' simplification
    ///   (about 0.7 s of CPU on France) goes on in `mapPaths`.
    static func compute(shapes: [String: MultiPolygon], analysisArea: Set<String>, drawsMaps: Bool) -> CommuneGeometry {
        var timings = StageTimings()
        let codes = shapes.keys.filter { analysisArea.contains(Commune.departement(ofCode: $0)) }.sorted()
        let ordered = codes.map { shapes[$0]! }
        let coverage = timings.measure("commune edges (concurrent)") { CoverageEdges(ordered) }
        let paths = drawsMaps ? Task { () async throws -> (paths: SimplifiedCommunes.MapPaths, timings: StageTimings) in
            var timings = StageTimings()
            let paths = try await timings.measure("simplify maps (concurrent)") {
                try await SimplifiedCommunes.paths(shapes: ordered, coverage: coverage)
            }
            return (paths, timings)
        } : nil
        return CommuneGeometry(codes: codes, coverage: coverage, mapPaths: paths, timings: timings)
    }

    /// The task started from the loader's callback, once.
    final class Pending: Sendable {
        private let task = Mutex<Task<CommuneGeometry, any Error>?>(nil)
        let analysisArea: Set<String>
        let drawsMaps: Bool

        init(analysisArea: Set<String>, drawsMaps: Bool) {
            self.analysisArea = analysisArea
            self.drawsMaps = drawsMaps
        }

        func start(_ shapes: [String: MultiPolygon]) {
            let (area, maps) = (analysisArea, drawsMaps)
            task.withLock { task in
                guard task == nil else { return }
                task = Task { CommuneGeometry.compute(shapes: shapes, analysisArea: area, drawsMaps: maps) }
            }
        }

        var started: Task<CommuneGeometry, any Error>? { task.withLock { $0 } }
    }
}
