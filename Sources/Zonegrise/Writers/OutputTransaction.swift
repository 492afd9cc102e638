import Foundation

/// Writes a run's outputs all or nothing: files go to a hidden staging folder inside
/// the output folder, and are renamed into place only when every one is written. A
/// run that fails (or is killed) before `commit` leaves no partial output file.
final class OutputTransaction {
    let directory: URL
    private let staging: URL
    private var staged: [String] = []
    private var committed = false

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
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Stages one file by name.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = staging.appendingPathComponent(name)
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw ZonegriseError.unreadable(file: directory.appendingPathComponent(name).path, reason: "cannot write (\(error.localizedDescription))")
        }
        staged.append(name)
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    /// Renames every staged file into the output folder (replacing older outputs of
    /// the same name) and removes the staging folder.
    /// - Returns: the final paths, in the order written.
    func commit() throws -> [String] {
        var paths: [String] = []
        for name in staged {
            let final = directory.appendingPathComponent(name)
            if rename(staging.appendingPathComponent(name).path, final.path) != 0 {
                throw ZonegriseError.unreadable(file: final.path, reason: "cannot move the output into place (errno \(errno))")
            }
            paths.append(final.path)
        }
        committed = true
        try? FileManager.default.removeItem(at: staging)
        return paths
    }
}
