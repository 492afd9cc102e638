import Foundation
import ZonegriseCore

extension AnalysisRun {
    /// Loads the territory and the time model and analyses them as `execute()` does, but
    /// writes no output: what `zonegrise serve` keeps in memory to answer what-if
    /// questions. The run's output folder is a private temporary folder, removed before
    /// returning (a road graph cache configured elsewhere is read and written as usual;
    /// the default one, in the output folder, is built again at each start).
    /// - Complexity: that of `zonegrise analyse` without the outputs.
    public static func analysedInMemory(configuration: AnalysisConfiguration, progress: ProgressReporter? = nil) async throws -> Analysed {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("zonegrise-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = AnalysisRun(configuration: configuration, outputDirectory: scratch.appendingPathComponent("resultats").path,
                              progress: progress, writers: [])
        let (analysed, _) = try await run.analyse { _ in () }
        return analysed
    }
}
