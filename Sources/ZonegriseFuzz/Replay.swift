import Foundation

/// Runs every input saved in the corpus through its target: none may crash, except the
/// inputs listed in `numeric-range/LIST.txt` (numbers out of range, another fix's), which
/// are reported, not failed.
struct Replay {
    var corpus: URL

    func run() -> Bool {
        let manager = FileManager.default
        let listed = Set(((try? String(contentsOf: corpus.appendingPathComponent("numeric-range/LIST.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
        var groups: [(target: String, files: [URL], known: Bool)] = []
        for folder in ((try? manager.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted() where !["seeds", "numeric-range"].contains(folder) {
            if FuzzTarget.named(folder) == nil { continue }
            groups.append((folder, files(in: corpus.appendingPathComponent(folder)), false))
        }
        let numeric = corpus.appendingPathComponent("numeric-range")
        for folder in ((try? manager.contentsOfDirectory(atPath: numeric.path)) ?? []).sorted() where FuzzTarget.named(folder) != nil {
            groups.append((folder, files(in: numeric.appendingPathComponent(folder)), true))
        }
        var ok = true, count = 0
        var knownStillCrashing: [String] = [], knownFixed: [String] = []
        for group in groups where !group.files.isEmpty {
            let crashed = crashingFiles(group.target, group.files)
            count += group.files.count
            for file in group.files {
                let name = "\(group.target)/\(file.lastPathComponent)"
                let crashing = crashed[file] != nil
                if group.known, listed.contains(name) {
                    if crashing { knownStillCrashing.append(name) } else { knownFixed.append(name) }
                } else if crashing {
                    ok = false
                    print("CRASH \(file.path): \(crashed[file]!.signature)")
                }
            }
        }
        print("replayed \(count) corpus input(s)")
        if !knownStillCrashing.isEmpty {
            print("skipped as known (numbers out of range, the number-range fix's; listed in numeric-range/LIST.txt): \(knownStillCrashing.count) still crash: \(knownStillCrashing.joined(separator: ", "))")
        }
        if !knownFixed.isEmpty {
            print("no longer crash (move them to their target's folder and out of LIST.txt): \(knownFixed.joined(separator: ", "))")
        }
        return ok
    }

    func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The files of one target that crash, with their report.
    func crashingFiles(_ target: String, _ files: [URL]) -> [URL: CrashReport] {
        var crashed: [URL: CrashReport] = [:]
        var from = 0
        while from < files.count {
            let progress = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-fuzz-replay-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: progress) }
            guard let outcome = try? ChildProcess.run(["files", target, progress.path] + files[from...].map(\.path), progress: progress, backtrace: false) else {
                fail("cannot start a child")
            }
            let position = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
            if outcome.finished || position == "done" { break }
            guard let offset = Int(position) else { fail("a child of \(target) failed before its first input: \(outcome.stderr.prefix(2000))") }
            crashed[files[from + offset]] = CrashReport(stderr: outcome.stderr, stalled: outcome.stalled)
            from += offset + 1
        }
        return crashed
    }
}
