import Foundation

/// The parent of a fuzzing campaign: each target's cases in child processes, a child
/// restarted after the case that crashed it; crashes classified, grouped by signature,
/// optionally minimised and saved into the corpus.
struct Campaign {
    var cases: Int
    var seed: UInt64
    var targets: [String]
    var corpus: URL
    var save: Bool
    var minimise: Bool

    struct Found {
        var target: String
        var index: Int
        var report: CrashReport
        var bytes: [UInt8]
    }

    /// What a campaign found, as its exit status: 0 nothing, 1 a parser crash or a hang,
    /// 3 only numbers out of range (the number-range fix's, reported apart).
    func run() -> Int32 {
        let started = Date()
        var found: [Found] = []
        var tried = 0
        print("zonegrise-fuzz campaign: seed \(seed), \(cases) cases per target")
        for name in targets {
            guard let target = FuzzTarget.named(name) else { fail("no target \(name) (zonegrise-fuzz targets lists them)") }
            let seeds: [[UInt8]]
            do { seeds = try target.seedBytes(try FuzzContext()) } catch { fail("cannot read the seeds of \(name): \(error)") }
            func input(_ index: Int) -> [UInt8] {
                var mutator = Mutator(seed: seed, target: name, index: index)
                return mutator.mutate(seeds[mutator.below(seeds.count)])
            }
            var from = 0, crashes: [Found] = []
            while from < cases {
                let progress = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-fuzz-progress-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: progress) }
                let outcome: ChildProcess.Outcome
                do {
                    outcome = try ChildProcess.run(["batch", name, "\(seed)", "\(from)", "\(cases - from)", progress.path], progress: progress, backtrace: true)
                } catch { fail("cannot start a child: \(error)") }
                let position = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
                if outcome.finished || position == "done" { break }
                guard let offset = Int(position) else { fail("a child of \(name) failed before its first case: \(outcome.stderr.prefix(2000))") }
                let index = from + offset
                crashes.append(Found(target: name, index: index, report: CrashReport(stderr: outcome.stderr, stalled: outcome.stalled), bytes: input(index)))
                from = index + 1
            }
            tried += cases
            let byKind = Dictionary(grouping: crashes, by: \.report.kind.rawValue).mapValues(\.count)
            print("  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(cases) cases, \(crashes.count) crashed"
                + (crashes.isEmpty ? "" : " (" + byKind.keys.sorted().map { "\($0): \(byKind[$0]!)" }.joined(separator: ", ") + ")"))
            found += crashes
        }
        let signatures = Dictionary(grouping: found, by: \.report.signature)
        print("\(tried) cases, \(found.count) crashed, \(signatures.count) distinct signature(s), \(Int(Date().timeIntervalSince(started))) s")
        for signature in signatures.keys.sorted() {
            let first = signatures[signature]!.min { ($0.target, $0.index) < ($1.target, $1.index) }!
            var line = "  [\(signatures[signature]!.count)×] \(signature) (first: \(first.target) case \(first.index))"
            if save {
                let bytes = minimise ? Minimiser(target: first.target, report: first.report).minimise(first.bytes) : first.bytes
                line += " → " + saveCase(first, bytes: bytes)
            }
            print(line)
        }
        if found.isEmpty { return 0 }
        return found.allSatisfy { $0.report.kind == .numericRange } ? 3 : 1
    }

    func saveCase(_ found: Found, bytes: [UInt8]) -> String {
        let target = FuzzTarget.named(found.target)!
        let folder = found.report.kind == .numericRange
            ? corpus.appendingPathComponent("numeric-range").appendingPathComponent(found.target)
            : corpus.appendingPathComponent(found.target)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let file = folder.appendingPathComponent(String(hash, radix: 16) + target.suffix)
        try? Data(bytes).write(to: file)
        return file.path
    }
}
