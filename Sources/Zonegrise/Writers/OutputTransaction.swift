import Foundation
import Synchronization
import ZonegriseNative

/// Replaces a run's output folder as a whole: a reader of the folder sees every file of
/// the previous run, or every file of this one, never a mixture, a half-written file or
/// a file of the previous run that this one does not write.
///
/// - The transaction first takes the folder's lock (`OutputFolderLock`: a second run on
///   the same folder is refused), removes what killed runs left (staging folders), and
///   checks that the folder holds only results of zonegrise: it is replaced as a whole,
///   so a file of the user's in it would be lost, and is refused instead.
/// - Files are written to a hidden sibling folder, `.NAME.zonegrise-new-PID`, then the
///   two folders are exchanged in one system call (`renameat2` with `RENAME_EXCHANGE`)
///   and the previous results, now under the hidden name, are removed. A new folder is
///   simply renamed into place.
/// - On a filesystem that cannot exchange, the old folder is renamed aside
///   (`.NAME.zonegrise-old-PID`) and the new one into place: between the two renames
///   the folder is absent (never mixed), and a run killed there has its previous
///   results put back by the next run on the folder.
///
/// Files may be staged from concurrent tasks. A transaction dropped before `commit`
/// removes its staging folder; a killed one leaves it to the next run to remove.
final class OutputTransaction: Sendable {
    /// The output folder as given (made absolute), for the paths reported.
    let directory: URL
    /// The output folder with symbolic links resolved: the one replaced.
    let target: URL
    /// Where this run's files are written before the exchange.
    let staging: URL
    /// Files of the current folder that this run keeps (the road graph cache it read),
    /// linked into the new folder at commit unless the run staged its own.
    let carried: [String]
    /// Held from `init` to the end of `commit` (or until the transaction is dropped).
    private let lock: Mutex<OutputFolderLock?>
    private let staged = Mutex<[String]>([])
    private let finished = Mutex(false)

    /// The road graph cache's default name, in the output folder (docs/ROAD-NETWORK.md).
    static let cacheName = "road_graph.zgcache"

    /// - Parameters:
    ///   - directory: the output folder; created (with its parents) when absent.
    ///   - cacheNames: names of files in the folder that are a cache of this run (read
    ///     from the current folder, carried into the new one with `carry`).
    /// - Throws: `ZonegriseError` when the folder cannot be created or locked, another
    ///   run holds it, or it holds files that are not results of zonegrise.
    init(directory: String, cacheNames: [String] = []) throws {
        self.directory = URL(fileURLWithPath: FilePaths.absolute(directory))
        target = self.directory.resolvingSymlinksInPath()
        carried = cacheNames
        let parent = target.deletingLastPathComponent()
        let files = FileManager.default
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ZonegriseError.unwritable(file: directory, reason: "cannot create the folder that holds the output folder, \(parent.path) (\(Self.reason(error)))")
        }
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ZonegriseError.unwritable(file: directory, reason: "cannot create the output folder: a file of that name is in the way")
        }
        lock = Mutex(try OutputFolderLock(folder: target))
        CommitFault.reach("locked")
        try Self.recoverAside(target)
        Self.removeLeftovers(of: target)
        try Self.checkOnlyResults(in: target, shown: directory, cacheNames: cacheNames + [Self.cacheName])
        staging = parent.appendingPathComponent(Self.hiddenName(target, "new-\(ProcessInfo.processInfo.processIdentifier)"))
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ZonegriseError.unwritable(file: staging.path, reason: "cannot create the staging folder of the results (\(Self.reason(error)))")
        }
    }

    deinit {
        if !finished.withLock({ $0 }) { try? FileManager.default.removeItem(at: staging) }
    }

    /// The folder part of an output name (`cartes` of `cartes/x.svg`), nil for a file
    /// at the top of the output folder. Output names have at most one folder level.
    static func folder(of name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        precondition(parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }, "output name \(name) is not NAME or FOLDER/NAME")
        return parts.count == 2 ? String(parts[0]) : nil
    }

    /// `.NAME.zonegrise-SUFFIX`, the hidden siblings of the folder `NAME`.
    static func hiddenName(_ folder: URL, _ suffix: String) -> String { ".\(folder.lastPathComponent).zonegrise-\(suffix)" }

    /// The file `name` of the current output folder (to read a cache from).
    func current(_ name: String) -> String { target.appendingPathComponent(name).path }

    /// Where a file named `name` is staged, for what writes its file itself (the road
    /// graph cache); it goes into place with the rest at `commit`.
    func stagingPath(_ name: String) -> String { staging.appendingPathComponent(name).path }

    /// Stages one file by name, writing the bytes as they are (no copy). A name may
    /// have one folder level (`cartes/NAME.svg`): the folder is created in the staging
    /// folder and synced with it at `commit`.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let (path, failure) = try prepareStaging(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
        // On disk before the exchange makes it the results: the previous ones are
        // removed after it, so a power cut must not leave empty new files instead.
        guard fsync(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
        staged.withLock { $0.append(name) }
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    /// Stages one file that `produce` writes itself at the path it is given (a library
    /// that writes files, GDAL's GeoPackage driver), then syncs it as `write` does. What
    /// `produce` throws is thrown as it is, and the partial file is removed: a commit after
    /// the failure does not put it in place.
    func write(_ name: String, producedBy produce: (_ path: String) throws -> Void) throws {
        let (path, failure) = try prepareStaging(name)
        do { try produce(path) } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
        staged.withLock { $0.append(name) }
    }

    /// The staging path of `name`, its folder created, and the error for a failure to
    /// write it (naming the final path).
    private func prepareStaging(_ name: String) throws -> (path: String, failure: (String) -> ZonegriseError) {
        let failure = { (reason: String) in
            ZonegriseError.unwritable(file: self.directory.appendingPathComponent(name).path, reason: "cannot write the file (\(reason))")
        }
        if let folder = Self.folder(of: name) {
            // Concurrent writers may create the same folder: EEXIST is no error.
            if mkdir(staging.appendingPathComponent(folder).path, 0o755) != 0, errno != EEXIST {
                throw failure("cannot create its folder: \(String(cString: strerror(errno)))")
            }
        }
        return (staging.appendingPathComponent(name).path, failure)
    }

    /// Puts this run's files in place of the output folder's, in one exchange, then
    /// removes the previous results.
    /// - Parameter order: the staged names in the order reported (default: as staged).
    /// - Returns: the final paths, in that order.
    /// - Throws: `unwritable` when the folder cannot be replaced; the previous results
    ///   are then untouched and the staging folder removed.
    /// - Complexity: one exchange; removing the previous results costs one unlink per file.
    func commit(order: [String]? = nil) throws -> [String] {
        let names = order ?? staged.withLock { $0 }
        precondition(Set(names) == Set(staged.withLock { $0 }), "commit names the staged files")
        CommitFault.reach("staged")
        for name in carried { carry(name) }
        for folder in Set(names.compactMap(Self.folder(of:))).sorted() { Self.synchronise(staging.appendingPathComponent(folder)) }
        Self.synchronise(staging)
        CommitFault.reach("carried")
        let files = FileManager.default
        let previous: URL?
        if files.fileExists(atPath: target.path) {
            previous = try exchange()
        } else {
            guard !CommitFault.fails("exchange"), rename(staging.path, target.path) == 0 else {
                throw ZonegriseError.unwritable(file: directory.path, reason: "cannot move the results into place (\(String(cString: strerror(CommitFault.fails("exchange") ? EIO : errno))))")
            }
            previous = nil
        }
        finished.withLock { $0 = true }
        CommitFault.reach("exchanged")
        if let previous { Self.remove(previous) }
        Self.synchronise(target.deletingLastPathComponent())
        CommitFault.reach("done")
        lock.withLock { $0 = nil }
        return names.map { directory.appendingPathComponent($0).path }
    }

    /// Exchanges the staging folder with the output folder; falls back to two renames
    /// where the filesystem cannot exchange.
    /// - Returns: where the previous results now are, to be removed.
    private func exchange() throws -> URL {
        let injected: Int32? = CommitFault.fails("exchange") ? EIO : CommitFault.fails("exchange-unsupported") ? EINVAL : nil
        guard let code = injected ?? PathExchange.exchange(staging.path, target.path) else { return staging }
        guard PathExchange.isUnsupported(code) else {
            throw ZonegriseError.unwritable(file: directory.path, reason: "cannot replace the output folder (\(String(cString: strerror(code)))); the previous results are untouched")
        }
        let aside = target.deletingLastPathComponent().appendingPathComponent(Self.hiddenName(target, "old-\(ProcessInfo.processInfo.processIdentifier)"))
        guard rename(target.path, aside.path) == 0 else {
            throw ZonegriseError.unwritable(file: directory.path, reason: "cannot move the previous results aside (\(String(cString: strerror(errno)))); they are untouched")
        }
        CommitFault.reach("moved-aside")
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside.path, target.path)
            throw ZonegriseError.unwritable(file: directory.path, reason: "cannot move the results into place (\(reason)); the previous results are put back")
        }
        return aside
    }

    /// Links the current folder's `name` into the staging folder, unless this run staged
    /// its own. A cache that cannot be carried is rebuilt by a later run: no error.
    private func carry(_ name: String) {
        let source = target.appendingPathComponent(name).path, destination = stagingPath(name)
        let files = FileManager.default
        guard !files.fileExists(atPath: destination), files.fileExists(atPath: source) else { return }
        if link(source, destination) != 0 { try? files.copyItem(atPath: source, toPath: destination) }
    }

    /// A run killed between the two renames of the fallback left the folder absent and
    /// the previous results aside: they are put back.
    private static func recoverAside(_ target: URL) throws {
        let files = FileManager.default
        guard !files.fileExists(atPath: target.path) else { return }
        let prefix = hiddenName(target, "old-")
        let parent = target.deletingLastPathComponent()
        guard let aside = ((try? files.contentsOfDirectory(atPath: parent.path)) ?? []).filter({ $0.hasPrefix(prefix) }).sorted().first else { return }
        guard rename(parent.appendingPathComponent(aside).path, target.path) == 0 else {
            throw ZonegriseError.unwritable(file: target.path, reason: "cannot put back the previous results left aside by an interrupted run, \(parent.appendingPathComponent(aside).path) (\(String(cString: strerror(errno))))")
        }
    }

    /// Removes the staging folders and set-aside results of killed runs: under the lock,
    /// no other run is using them.
    private static func removeLeftovers(of target: URL) {
        let files = FileManager.default
        let parent = target.deletingLastPathComponent()
        for prefix in [hiddenName(target, "new-"), hiddenName(target, "old-")] {
            for name in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
                try? files.removeItem(at: parent.appendingPathComponent(name))
            }
        }
        // Earlier versions staged inside the output folder.
        for name in (try? files.contentsOfDirectory(atPath: target.path)) ?? [] where name.hasPrefix(".zonegrise-staging-") {
            try? files.removeItem(at: target.appendingPathComponent(name))
        }
    }

    /// The output folder is replaced as a whole: it may hold only what a zonegrise run
    /// wrote there (the files its `manifest.json` lists, a graph cache, staging folders
    /// of earlier versions), or nothing.
    private static func checkOnlyResults(in target: URL, shown: String, cacheNames: [String]) throws {
        let files = FileManager.default
        guard let entries = try? files.contentsOfDirectory(atPath: target.path), !entries.isEmpty else { return }
        var known = Set(cacheNames)
        if let bytes = files.contents(atPath: target.appendingPathComponent("manifest.json").path),
           let manifest = try? JSONParser.parse(Array(bytes), file: "manifest.json"),
           manifest["tool"]?["name"]?.stringValue == "zonegrise" {
            known.insert("manifest.json")
            for output in manifest["outputs"]?.arrayValue ?? [] { if let name = output.stringValue { known.insert(name) } }
        }
        // A folder of outputs (`cartes`) is known when the manifest lists files in it, and
        // may hold only those files.
        let folders = Set(known.compactMap { name in name.firstIndex(of: "/").map { String(name[..<$0]) } })
        var foreign = entries.filter { !known.contains($0) && !folders.contains($0) && !$0.hasPrefix(".zonegrise-staging-") }
        for folder in folders.sorted() where entries.contains(folder) {
            let path = target.appendingPathComponent(folder).path
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                foreign.append(folder)
                continue
            }
            let inside = (try? files.contentsOfDirectory(atPath: path)) ?? []
            foreign += inside.map { "\(folder)/\($0)" }.filter { !known.contains($0) }
        }
        foreign.sort()
        guard foreign.isEmpty else {
            let listed = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
            throw ZonegriseError.invalidParameter(source: shown, key: "--out",
                                                  detail: "the output folder holds \(foreign.count == 1 ? "a file" : "files") that no zonegrise run wrote there (\(listed)); each run replaces the whole folder, so move \(foreign.count == 1 ? "it" : "them") elsewhere or choose another output folder")
        }
    }

    /// Removes the previous results, no longer in place, file by file.
    private static func remove(_ folder: URL) {
        let files = FileManager.default
        let entries = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for (index, name) in entries.enumerated() {
            try? files.removeItem(at: folder.appendingPathComponent(name))
            if index == 0 { CommitFault.reach("removing") }
        }
        try? files.removeItem(at: folder)
    }

    /// Flushes a folder's entries (its files' names, the renames) to disk.
    private static func synchronise(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
