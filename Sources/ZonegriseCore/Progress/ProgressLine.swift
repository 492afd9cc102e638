/// The one line a terminal shows for a stage:
/// `[#########-----------]  48 %  search  5 s, ~6 s left` — the bar, the share done,
/// the stage (and its phase), the time elapsed in the stage and the time left at the
/// pace so far (elapsed × (1 − f) ÷ f). A stage of unknown size shows its name and
/// elapsed time only: `time model …  5 s`.
///
/// Pure: the caller gives the time, so that tests pin the text with a fake clock.
public struct ProgressLine: Sendable, Hashable {
    /// Cells of the bar.
    public var width: Int

    public init(width: Int = 20) {
        self.width = width
    }

    /// The line for `stage` at `nowNanoseconds` (the reporter's clock).
    public func text(for stage: ProgressStage, nowNanoseconds: UInt64) -> String {
        let elapsed = Double(nowNanoseconds &- stage.startNanoseconds) / 1e9
        let label = stage.currentPhase.map { "\(stage.name) (\($0))" } ?? stage.name
        return text(label: label, fraction: stage.fraction, elapsedSeconds: nowNanoseconds >= stage.startNanoseconds ? elapsed : 0)
    }

    /// The line for a stage named `label`, `fraction` done (nil: size unknown), begun
    /// `elapsedSeconds` ago.
    public func text(label: String, fraction: Double?, elapsedSeconds: Double) -> String {
        guard let fraction else { return "\(label) …  \(Self.duration(elapsedSeconds))" }
        let f = min(1, max(0, fraction))
        let filled = Int((f * Double(width)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        let percent = Int((f * 100).rounded(.down))
        var line = bar + " " + String(repeating: " ", count: 3 - String(percent).count) + "\(percent) %  \(label)  \(Self.duration(elapsedSeconds))"
        if let left = Self.secondsLeft(fraction: f, elapsedSeconds: elapsedSeconds) {
            line += ", ~\(Self.duration(left, roundingUp: true)) left"
        }
        return line
    }

    /// The time left at the pace so far, seconds; nil before anything is done or
    /// before half a second has passed (too early to say).
    public static func secondsLeft(fraction: Double, elapsedSeconds: Double) -> Double? {
        guard fraction > 0, fraction < 1, elapsedSeconds >= 0.5 else { return nil }
        return elapsedSeconds * (1 - fraction) / fraction
    }

    /// `7 s`, `2 min 05 s`, `1 h 02 min`: whole seconds rounded down (an elapsed
    /// time), or up (a time left, never 0 before the end).
    public static func duration(_ seconds: Double, roundingUp: Bool = false) -> String {
        let whole = max(0, Int(seconds.rounded(roundingUp ? .up : .down)))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 {
            let s = whole % 60
            return "\(whole / 60) min \(s < 10 ? "0" : "")\(s) s"
        }
        let m = (whole % 3600) / 60
        return "\(whole / 3600) h \(m < 10 ? "0" : "")\(m) min"
    }
}
