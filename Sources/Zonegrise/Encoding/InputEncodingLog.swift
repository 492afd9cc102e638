import Synchronization
import ZonegriseCore

/// The encodings a run declared for its inputs and the ones `InputBytes` found, shared
/// by the readers of one run through a task-local value (`InputEncodingLog.current`), so
/// that every reader applies the manifest's `encoding` keys and the run can warn about,
/// and record in its manifest, each input that was not UTF-8, in its own input order.
///
/// Without a log (a reader called on its own), bytes that are not UTF-8 are still
/// decoded as Windows-1252, never replaced, but nobody is warned.
final class InputEncodingLog: Sendable {
    /// The log of the run the current task belongs to.
    @TaskLocal static var current: InputEncodingLog?

    /// What `InputBytes` did with one file that was not read as UTF-8.
    struct Decoding: Hashable, Sendable {
        var encoding: TextEncoding
        /// Whether the manifest declared it (no warning then).
        var declared: Bool
        /// Where the first byte that is not UTF-8 was, when the encoding was detected.
        var firstInvalidLine: Int?
        var firstInvalidOffset: Int?
    }

    /// Declared encodings by absolute path.
    let declared: [String: TextEncoding]
    private let found = Mutex<[String: Decoding]>([:])

    init(declared: [String: TextEncoding] = [:]) {
        self.declared = declared
    }

    func record(_ path: String, _ decoding: Decoding) {
        found.withLock { $0[path] = decoding }
    }

    /// Files read in another encoding than UTF-8, by path.
    var decodings: [String: Decoding] { found.withLock { $0 } }

    /// The manifest's name of each file read in another encoding than UTF-8.
    var encodingNames: [String: String] { decodings.mapValues(\.encoding.rawValue) }

    /// One warning per file whose encoding was detected rather than declared, in the
    /// order of `paths` (each path once).
    func warnings(inOrder paths: [String]) -> [RunWarning] {
        let decodings = self.decodings
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }.compactMap { path -> RunWarning? in
            guard let found = decodings[path], !found.declared else { return nil }
            let place = found.firstInvalidLine.map { " (first at line \($0), byte offset \(found.firstInvalidOffset ?? 0))" } ?? ""
            return RunWarning(.inputNotUTF8, file: path, count: 1, examples: [path],
                              message: "\(path): not UTF-8\(place): read as Windows-1252 (Latin-1); check the accented names, or set encoding: latin1 for this input in the manifest")
        }
    }

    /// Runs `body` with this log as the current one (child tasks inherit it).
    func run<T>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self) { try await body() }
    }

    /// Runs `body`, synchronous, with this log as the current one.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self) { try body() }
    }
}
