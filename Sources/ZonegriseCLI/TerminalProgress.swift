import Foundation
import ZonegriseCore

/// Draws the run's current stage as a bar with the time left on one line of standard
/// error, redrawn at most ten times a second (`ProgressLine`), when standard error is a
/// terminal, `CI` is not set and `TERM` is not `dumb`; otherwise it draws nothing, and
/// the run gets no reporter at all (nothing of it in a pipe, a log or CI).
///
/// `finish()` stops the drawing and clears the line: the commands call it before they
/// print any warning, summary or error.
final class TerminalProgress: @unchecked Sendable {
    /// The reporter the run is given; nil when nothing is drawn.
    let reporter: ProgressReporter?
    private let queue = DispatchQueue(label: "zonegrise.progress")
    private var timer: DispatchSourceTimer?
    // Touched on `queue` only.
    private var lastLine = ""
    private var stopped = false

    /// Whether a bar may be drawn: standard error a terminal, not CI, not a dumb terminal.
    static func terminalAllowsProgress(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isatty(STDERR_FILENO) == 1 else { return false }
        if let ci = environment["CI"], !ci.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// - Parameter enabled: false for `--quiet` (nothing drawn whatever the terminal).
    init(enabled: Bool) {
        reporter = enabled && Self.terminalAllowsProgress() ? ProgressReporter() : nil
        guard let reporter else { return }
        let line = ProgressLine()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [unowned self] in
            guard !stopped else { return }
            let text = reporter.current().map { "zonegrise: " + line.text(for: $0, nowNanoseconds: reporter.now()) } ?? ""
            guard text != lastLine else { return }
            lastLine = text
            Self.draw(Self.clipped(text))
        }
        self.timer = timer
        timer.resume()
    }

    /// Stops drawing and leaves the line clean. Idempotent; returns once no redraw can
    /// follow.
    func finish() {
        guard let timer else { return }
        queue.sync {
            guard !stopped else { return }
            stopped = true
            timer.cancel()
            if !lastLine.isEmpty { Self.draw("") }
        }
    }

    deinit { finish() }

    /// Replaces the current line of standard error with `text` (erase, carriage return).
    private static func draw(_ text: String) {
        FileHandle.standardError.write(Data("\u{1B}[2K\r\(text)".utf8))
    }

    /// `text` cut to the terminal's width less one column (a full line would wrap).
    private static func clipped(_ text: String) -> String {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1 else { return text }
        let columns = Int(size.ws_col) - 1
        return text.count > columns ? String(text.prefix(columns)) : text
    }
}
