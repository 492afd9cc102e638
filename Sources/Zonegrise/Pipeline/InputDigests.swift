import Foundation
import ZonegriseCore
import ZonegriseNative

/// The SHA-256 and size of a run's input files for its manifest: each distinct path
/// hashed once, the files concurrently (a task each), results independent of order.
enum InputDigests {
    struct Digest: Hashable, Sendable {
        var sha256: String
        var bytes: Int?
    }

    /// - Parameter known: digests already computed (the road loader hashes the extract
    ///   for its cache key): not computed again.
    /// - Complexity: O(total bytes), over the cores.
    static func compute(_ paths: [String], known: [String: String] = [:]) async throws -> [String: Digest] {
        var seen = Set<String>()
        let distinct = paths.filter { seen.insert($0).inserted }
        let digests = try await Concurrency.map(distinct) { path -> (String, Digest) in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            if let sha256 = known[path] { return (path, Digest(sha256: sha256, bytes: size)) }
            do {
                return (path, Digest(sha256: try SHA256Digest.hex(fileAt: path), bytes: size))
            } catch {
                throw ZonegriseError.unreadable(file: path, reason: "cannot checksum: \(NativeError.reason(of: error))")
            }
        }
        return Dictionary(digests, uniquingKeysWith: { first, _ in first })
    }
}
