import Foundation
import Zonegrise

extension StageTimings {
    /// `--timings`: each stage, the sum of the stages and the wall time (concurrent
    /// stages overlap, so the sum may exceed it), on standard error.
    func print() {
        func line(_ name: String, _ seconds: Double) {
            printError("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
        }
        for stage in stages { line(stage.name, stage.seconds) }
        line("total", totalSeconds)
        line("wall (stages overlap)", wallSeconds)
    }
}
