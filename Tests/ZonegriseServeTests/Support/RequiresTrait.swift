import Testing
import ZonegriseTestSupport

extension Trait where Self == ConditionTrait {
    /// Runs the test when `available()` is true; skips it with "needs `what`; skipped"
    /// otherwise, except in CI where the missing prerequisite fails it (`Prerequisite`).
    static func requires(_ what: String, _ available: @escaping @Sendable () -> Bool) -> Self {
        .enabled(Comment(rawValue: "needs \(what); skipped")) { try Prerequisite.check(available(), what) }
    }
}
