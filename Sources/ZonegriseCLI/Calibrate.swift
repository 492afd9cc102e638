import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore

struct Calibrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit the crow-fly model's speed to routed reference times (docs/CALIBRATION.md).",
        discussion: "The manifest names the communes (analysis area = the reference's communes), populations and equipment."
    )

    @Argument(help: "Territory manifest of the reference area.")
    var manifest: String
    @Option(help: "GeoJSON of communes with reference car times in minutes.")
    var reference: String
    @Option(help: "Property of the reference holding the minutes.")
    var property = "duree_moyenne"
    @Option(help: "Equipment type whose nearest commune the reference times measure.")
    var typequ = "D201"
    @Option(help: "Detour factor, fixed while the speed is fitted.")
    var detour = CrowflyModel.calibratedDetour
    @Option(help: "Speeds to try, km/h: FROM:TO:STEP.")
    var speeds = "30:90:1"
    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors (no progress); the results still go to standard output.")
    var quiet = false

    /// Speeds tried at most (a grid of more would take hours).
    static let maximumSpeedCount = 10_000

    func validate() throws {
        guard InputLimits.detour.contains(detour) else {
            throw ValidationError("--detour must be \(InputLimits.text(InputLimits.detour)), got \(detour)")
        }
        _ = try speedGrid()
    }

    /// The speeds of `--speeds`, each within `InputLimits.speedKmh`.
    func speedGrid() throws -> [Double] {
        let parts = speeds.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
        guard parts.count == 3, let from = parts[0], let to = parts[1], let step = parts[2],
              InputLimits.speedKmh.contains(from), InputLimits.speedKmh.contains(to), to >= from, step > 0,
              (to - from) / step < Double(Self.maximumSpeedCount) else {
            throw ValidationError("--speeds must be FROM:TO:STEP in km/h, speeds \(InputLimits.text(InputLimits.speedKmh)) and at most \(InputLimits.text(Self.maximumSpeedCount)) of them, e.g. 30:90:1; got \(speeds)")
        }
        return Array(stride(from: from, through: to + 1e-9, by: step))
    }

    func run() async throws {
        let grid = try speedGrid()
        let config = try TerritoryManifest.load(path: manifest)
        let progress = TerminalProgress(enabled: !quiet)
        var timings = StageTimings(progress: progress.reporter)
        let territory: LoadedTerritory
        do {
            defer { progress.finish() }
            territory = try await TerritoryLoader(configuration: config).load(timings: &timings)
        }
        let times = try CrowflyCalibration.readReference(path: reference, property: property)
        let outcome = try CrowflyCalibration(reference: times, typequ: typequ, detour: detour, speedsKmh: grid).run(territory.input)
        func line(_ c: CrowflyCalibration.Candidate) -> String {
            String(format: "%8.1f %7.2f %6@ %9.2f %9.2f %9.2f %+9.2f", c.model.speedKmh, c.model.detour,
                   (c.model.intraCommune ? "yes" : "no") as NSString, c.medianAbsoluteErrorMinutes, c.p90AbsoluteErrorMinutes,
                   c.meanAbsoluteErrorMinutes, c.meanSignedErrorMinutes)
        }
        print("\(outcome.best.communes) communes compared (\(outcome.skipped) reference communes skipped), \(outcome.targets) communes with \(typequ).")
        print("speed_kmh  detour  intra  median_ae    p90_ae   mean_ae  mean_err   (minutes)")
        for c in outcome.candidates.sorted(by: { $0.meanAbsoluteErrorMinutes < $1.meanAbsoluteErrorMinutes }).prefix(8) { print(line(c)) }
        for intra in [false, true] {
            let best = outcome.candidates.filter { $0.model.intraCommune == intra }
                .min { $0.meanAbsoluteErrorMinutes < $1.meanAbsoluteErrorMinutes }!
            print("best with intra_commune \(intra):")
            print(line(best))
        }
        print("current defaults:")
        print(line(outcome.defaults))
        print("")
        print("centre to centre (convention sdaasp): \(outcome.centreToCentre.communes) communes without \(typequ)")
        print("speed_kmh  access  median_ae    p90_ae   mean_ae  mean_err   (minutes)")
        func trip(_ c: CrowflyCalibration.Candidate) -> String {
            String(format: "%8.1f %7.1f %9.2f %9.2f %9.2f %+9.2f", c.model.speedKmh, c.model.accessMinutes, c.medianAbsoluteErrorMinutes,
                   c.p90AbsoluteErrorMinutes, c.meanAbsoluteErrorMinutes, c.meanSignedErrorMinutes)
        }
        print("best with an access term:")
        print(trip(outcome.centreToCentre))
        print("best single speed:")
        print(trip(outcome.centreToCentreSingleSpeed))
        print("current sdaasp defaults:")
        print(trip(outcome.centreToCentreDefaults))
    }
}
