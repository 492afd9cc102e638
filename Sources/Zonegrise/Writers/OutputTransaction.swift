import Foundation
import Synchronization

/// Writes a run's outputs all or nothing: files go to a hidden staging folder inside
/// the output folder, and are renamed into place only when every one is written. A
/// run that fails (or is killed) before `commit` leaves no partial output file.
///
/// Files may be staged from concurrent tasks; they are renamed into place in the order
/// they were staged, or in the order given to `commit(order:)`.
final class OutputTransaction: Sendable {
    let directory: URL
    private let staging: URL
    private let staged = Mutex<[String]>([])
    private let committed = Mutex(false)

    init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw ZonegriseError.unreadable(file: directory, reason: "cannot create the output folder (\(error.localizedDescription))")
        }
        staging = self.directory.appendingPathComponent(".zonegrise-staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ZonegriseError.unreadable(file: directory, reason: "cannot write in the output folder (\(error.localizedDescription))")
        }
    }

    deinit {
        if !committed.withLock({ $0 }) { try? FileManager.default.removeItem(at: staging) }
    }

    /// Stages one file by name, writing the bytes as they are (no copy).
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let path = staging.appendingPathComponent(name).path
        let failure = { (reason: String) in
            ZonegriseError.unreadable(file: self.directory.appendingPathComponent(name).path, reason: "cannot write (\(reason))")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        staged.withLock { $0.append(name) }
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    /// Renames every staged file into the output folder (replacing older outputs of
    /// the same name) and removes the staging folder.
    /// - Returns: the final paths, in the order written.
    func commit(order: [String]? = nil) throws -> [String] {
        let names = order ?? staged.withLock { $0 }
        precondition(Set(names) == Set(staged.withLock { $0 }), "commit names the staged files")
        var paths: [String] = []
        for name in names {
            let final = directory.appendingPathComponent(name)
            if rename(staging.appendingPathComponent(name).path, final.path) != 0 {
                throw ZonegriseError.unreadable(file: final.path, reason: "cannot move the output into place (errno \(errno))")
            }
            paths.append(final.path)
        }
        committed.withLock { $0 = true }
        try? FileManager.default.removeItem(at: staging)
        return paths
    }
}
