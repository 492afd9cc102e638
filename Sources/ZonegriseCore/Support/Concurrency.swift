import Foundation
import Synchronization

/// Structured concurrency with results in input order, so that concurrent stages give
/// byte-identical outputs whatever finishes first.
package enum Concurrency {
    /// Cores the process may use (2 on the project's machines).
    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body` applied to every element in a task of its own; results in input order.
    /// The first error thrown (in input order of the failing elements as they are
    /// gathered) cancels the others and is rethrown.
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: some Sequence<Input>, _ body: @escaping @Sendable (Input) async throws -> Output
    ) async throws -> [Output] {
        let inputs = Array(inputs)
        return try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            for (position, input) in inputs.enumerated() {
                group.addTask { (position, try await body(input)) }
            }
            var slots = [Output?](repeating: nil, count: inputs.count)
            for try await (position, output) in group { slots[position] = output }
            return slots.map { $0! }
        }
    }

    /// Runs `body` in a task and blocks the calling thread until it is done: for work on
    /// a Dispatch thread (`blocking`) that needs async results made meanwhile. Never call
    /// it from a task: it would hold one of the threads the task needs.
    package static func waiting<Output: Sendable>(for body: @escaping @Sendable () async throws -> Output) throws -> Output {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Output, any Error>?>(nil)
        Task {
            let result: Result<Output, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Runs `body`, which blocks on the system (writing and `fsync`ing a file), on a
    /// Dispatch worker thread, so that the task suspends instead of holding one of the
    /// few threads (one per core) that run Swift tasks: the other tasks keep both cores
    /// busy while the disk works.
    package static func blocking<Output: Sendable>(_ body: @escaping @Sendable () throws -> Output) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
