import Foundation

/// A bounded load on a loopback HTTP server: `clients` threads sending `total` requests
/// between them (one connection each, as `HTTPExchange` does), each request's latency
/// measured from connect to the last byte read. For the load test and benchmark of
/// `zonegrise serve` (docs/SERVE.md).
package struct LoadGenerator: Sendable {
    package var port: Int
    package var clients: Int
    package var total: Int

    package init(port: Int, clients: Int = 8, total: Int = 2000) {
        self.port = port
        self.clients = clients
        self.total = total
    }

    package struct Report: Sendable, CustomStringConvertible {
        /// Latencies of the successful requests, milliseconds, ascending.
        package var millisecondsSorted: [Double]
        /// Requests that failed (no answer, or a status other than 200), with the first few reasons.
        package var errors: Int
        package var firstErrors: [String]
        package var wallSeconds: Double

        package func percentile(_ p: Double) -> Double {
            guard !millisecondsSorted.isEmpty else { return .nan }
            let rank = Int((p / 100 * Double(millisecondsSorted.count)).rounded(.up)) - 1
            return millisecondsSorted[min(max(rank, 0), millisecondsSorted.count - 1)]
        }

        package var description: String {
            String(format: "%d requests, %d errors in %.2f s (%.0f req/s): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                   millisecondsSorted.count + errors, errors, wallSeconds, Double(millisecondsSorted.count + errors) / wallSeconds,
                   percentile(50), percentile(99), millisecondsSorted.last ?? .nan)
        }
    }

    /// Sends `total` POST requests to `path`, the i-th with `body(i)`.
    /// - Complexity: `total` requests on `clients` threads.
    package func run(path: String, body: @escaping @Sendable (Int) -> [UInt8]) -> Report {
        let results = ResultsBox(count: total)
        let started = DispatchTime.now().uptimeNanoseconds
        let port = self.port, total = self.total, clients = self.clients
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            var i = client
            while i < total {
                let start = DispatchTime.now().uptimeNanoseconds
                let outcome: Result<Double, LoadError>
                do {
                    let answer = try HTTPExchange.send(port: port, "POST", path, body: body(i), timeoutSeconds: 30)
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                    outcome = answer.status == 200 ? .success(ms) : .failure(LoadError(text: "status \(answer.status): \(answer.text.prefix(200))"))
                } catch {
                    outcome = .failure(LoadError(text: "\(error)"))
                }
                results.set(i, outcome)
                i += clients
            }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let all = results.values()
        let ok = all.compactMap { try? $0?.get() }.sorted()
        let failures = all.compactMap { value -> String? in
            guard let value else { return "no result" }
            if case let .failure(error) = value { return error.text }
            return nil
        }
        return Report(millisecondsSorted: ok, errors: failures.count, firstErrors: Array(failures.prefix(5)), wallSeconds: wall)
    }

    struct LoadError: Error, Sendable {
        var text: String
    }

    /// One slot per request, written by the thread that sent it.
    final class ResultsBox: @unchecked Sendable {
        private var slots: [Result<Double, LoadError>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<Double, LoadError>) { lock.lock(); slots[i] = value; lock.unlock() }
        func values() -> [Result<Double, LoadError>?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
