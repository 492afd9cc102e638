/// Collects what was skipped or repaired so that the run can report it and write it in
/// the manifest. A reference type so readers can share one.
public final class Warnings {
    public private(set) var messages: [String] = []

    public init() {}

    public func add(_ message: String) { messages.append(message) }
}
