import Foundation

/// An exclusive lock on one output folder, held by a run from before it reads its
/// inputs until its results are in place, so that a second run on the same folder is
/// refused (naming the first one's process) instead of mixing its files in.
///
/// The lock is `flock(2)` on a hidden sibling file, `.NAME.zonegrise-lock` beside the
/// folder `NAME` (the folder itself is replaced by each run, so it cannot hold it). The
/// kernel releases the lock when the process ends, however it ends: a killed run leaves
/// no stale lock, only the empty file, which later runs reuse.
final class OutputFolderLock: Sendable {
    /// The lock file.
    let path: String
    private let descriptor: Int32

    /// Takes the lock of `folder` (an absolute path with symbolic links resolved) or
    /// throws `outputFolderInUse` at once when another process holds it.
    init(folder: URL) throws {
        path = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).zonegrise-lock").path
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw ZonegriseError.unwritable(file: path, reason: "cannot create the lock file of the output folder (\(String(cString: strerror(errno))))")
        }
        guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.process(in: opened)
            close(opened)
            if code == EWOULDBLOCK {
                throw ZonegriseError.outputFolderInUse(folder: folder.path, process: holder)
            }
            throw ZonegriseError.unwritable(file: path, reason: "cannot lock the output folder (\(String(cString: strerror(code))))")
        }
        // Who holds it, for the message of a run that finds it taken.
        let text = Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
        if ftruncate(opened, 0) == 0 { _ = text.withUnsafeBytes { pwrite(opened, $0.baseAddress, $0.count, 0) } }
        descriptor = opened
    }

    deinit {
        // Closing the descriptor releases the lock.
        close(descriptor)
    }

    /// The process id written in the lock file by its holder, if readable.
    private static func process(in descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
