import Synchronization
import Testing
import ZonegriseCore

/// The progress line a terminal shows, on a fake clock: bar, percentage, elapsed time
/// and time left at the pace so far; and which of overlapping stages it shows.
@Suite("Progress: line and reporter")
struct ProgressLineTests {
    /// A clock the test moves by hand, nanoseconds.
    final class FakeClock: Sendable {
        let nanoseconds = Atomic<UInt64>(1_000_000_000)
        func advance(seconds: Double) { nanoseconds.wrappingAdd(UInt64(seconds * 1e9), ordering: .relaxed) }
        var now: UInt64 { nanoseconds.load(ordering: .relaxed) }
    }

    @Test func barPercentageAndTimeLeftFollowTheFractionDone() {
        let clock = FakeClock()
        let reporter = ProgressReporter(now: { clock.now })
        let stage = reporter.begin("search", totalUnits: 100)
        let line = ProgressLine(width: 10)
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[----------]   0 %  search  0 s")
        clock.advance(seconds: 2.75)
        stage.advance(by: 48)
        // 2.75 s for 48 %: 2.75 × 52 / 48 = 2.98 s left, shown rounded up; elapsed down.
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[####------]  48 %  search  2 s, ~3 s left")
        clock.advance(seconds: 0.25)
        // 3 s for 48 %: 3.25 s left; then 75 % after 6 s: 2 s left.
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[####------]  48 %  search  3 s, ~4 s left")
        clock.advance(seconds: 3)
        stage.advance(by: 27)
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[#######---]  75 %  search  6 s, ~2 s left")
        stage.advance(by: 25)
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[##########] 100 %  search  6 s")
        // More units than the total never show more than 100 %.
        stage.advance(by: 5)
        #expect(stage.completedUnits == 100)
        #expect(line.text(for: stage, nowNanoseconds: clock.now) == "[##########] 100 %  search  6 s")
    }

    @Test func noTimeLeftBeforeHalfASecondNorForAStageOfUnknownSize() {
        let clock = FakeClock()
        let reporter = ProgressReporter(now: { clock.now })
        let line = ProgressLine(width: 4)
        let sized = reporter.begin("write outputs", totalUnits: 4)
        sized.advance()
        clock.advance(seconds: 0.4)
        #expect(line.text(for: sized, nowNanoseconds: clock.now) == "[#---]  25 %  write outputs  0 s")
        let unknown = reporter.begin("time model")
        unknown.setPhase("ways")
        clock.advance(seconds: 75)
        #expect(line.text(for: unknown, nowNanoseconds: clock.now) == "time model (ways) …  1 min 15 s")
        unknown.setTotal(1000)
        unknown.advance(by: 500)
        #expect(line.text(for: unknown, nowNanoseconds: clock.now) == "[##--]  50 %  time model (ways)  1 min 15 s, ~1 min 15 s left")
    }

    @Test func durationsAreWholeSecondsMinutesAndHours() {
        #expect(ProgressLine.duration(0) == "0 s")
        #expect(ProgressLine.duration(59.9) == "59 s")
        #expect(ProgressLine.duration(59.1, roundingUp: true) == "1 min 00 s")
        #expect(ProgressLine.duration(125) == "2 min 05 s")
        #expect(ProgressLine.duration(3725) == "1 h 02 min")
        #expect(ProgressLine.secondsLeft(fraction: 0.5, elapsedSeconds: 10) == 10)
        #expect(ProgressLine.secondsLeft(fraction: 0, elapsedSeconds: 10) == nil)
        #expect(ProgressLine.secondsLeft(fraction: 1, elapsedSeconds: 10) == nil)
    }

    @Test func theDisplayShowsTheLatestStageOfKnownSizeAndForgetsFinishedOnes() {
        let reporter = ProgressReporter()
        #expect(reporter.current() == nil)
        let territory = reporter.begin("read communes", totalUnits: 10)
        let model = reporter.begin("time model")
        // The graph's size is not known yet: the communes' bar is the more telling.
        #expect(reporter.current() === territory)
        model.setTotal(1000)
        #expect(reporter.current() === model)
        model.finish()
        #expect(reporter.current() === territory)
        #expect(reporter.activeStages().map(\.name) == ["read communes"])
        territory.finish()
        territory.finish()
        #expect(reporter.current() == nil)
        let unsized = reporter.begin("classify")
        #expect(reporter.current() === unsized)
    }

    @Test func advancesFromManyTasksAllCount() async {
        let stage = ProgressReporter().begin("search", totalUnits: 8 * 10_000)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0 ..< 8 {
                group.addTask { for _ in 0 ..< 10_000 { stage.advance() } }
            }
        }
        #expect(stage.completedUnits == 80_000)
        #expect(stage.fraction == 1)
    }
}
