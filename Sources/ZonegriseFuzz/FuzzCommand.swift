import Foundation

// zonegrise-fuzz: the seeded mutation harness of the readers (README, "Fuzzing").
//
//   zonegrise-fuzz campaign [--cases N] [--seed S] [--targets a,b] [--corpus DIR] [--save] [--minimise]
//       N mutated inputs per target (default 200), each target in a child process that
//       is restarted after a crash; prints the cases tried and the crashes by target and
//       class; with --save, the first input of each new crash signature (minimised with
//       --minimise) goes to DIR/<target>/ (parser crashes) or DIR/numeric-range/<target>/.
//       Exit 1 when a parser crash or a hang was found, 3 when only numbers out of range
//       crashed (the number-range fix's), 0 when nothing did.
//   zonegrise-fuzz replay [--corpus DIR]
//       Runs every saved input; exit 1 when one crashes, except those listed in
//       DIR/numeric-range/LIST.txt (known, another fix's), which are reported.
//   zonegrise-fuzz batch TARGET SEED FROM COUNT PROGRESS   (child)
//   zonegrise-fuzz files TARGET PROGRESS FILE...          (child)

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("zonegrise-fuzz: \(message)\n".utf8))
    exit(64)
}

/// `ZONEGRISE_FUZZ_VERBOSE=1`: children print each case's outcome (checking that seeds are read).
let verbose = ProcessInfo.processInfo.environment["ZONEGRISE_FUZZ_VERBOSE"] == "1"

/// Child: runs cases one after the other, writing the case number before each.
func runCases(_ target: FuzzTarget, progress: URL, count: Int, input: @Sendable (Int) throws -> [UInt8]) async {
    let context: FuzzContext
    do { context = try FuzzContext() } catch { fail("cannot write the territory: \(error)") }
    defer { context.territory.remove() }
    for index in 0 ..< count {
        guard let bytes = try? input(index) else { continue }
        try? Data("\(index)".utf8).write(to: progress)
        do {
            try await target.run(bytes, context)
            if verbose { print("case \(index): read") }
        } catch {
            if verbose { print("case \(index): \(error)") }
        }
    }
    try? Data("done".utf8).write(to: progress)
}

#if !ZONEGRISE_LIBFUZZER
/// The command line (see the top of this file).
@main
struct FuzzCommand {
    static func main() async {
        switch arguments.first {
        case "batch":
            guard arguments.count == 6, let target = FuzzTarget.named(arguments[1]), let seed = UInt64(arguments[2]),
                  let from = Int(arguments[3]), let count = Int(arguments[4]) else { fail("usage: batch TARGET SEED FROM COUNT PROGRESS") }
            let seeds: [[UInt8]]
            do { seeds = try target.seedBytes(try FuzzContext()) } catch { fail("cannot read the seeds of \(target.name): \(error)") }
            await runCases(target, progress: URL(fileURLWithPath: arguments[5]), count: count) { offset in
                var mutator = Mutator(seed: seed, target: target.name, index: from + offset)
                return mutator.mutate(seeds[mutator.below(seeds.count)])
            }
        case "files":
            guard arguments.count >= 3, let target = FuzzTarget.named(arguments[1]) else { fail("usage: files TARGET PROGRESS FILE...") }
            let files = Array(arguments.dropFirst(3))
            await runCases(target, progress: URL(fileURLWithPath: arguments[2]), count: files.count) { Array(try Data(contentsOf: URL(fileURLWithPath: files[$0]))) }
        case "campaign":
            let campaign = Campaign(cases: option("--cases").flatMap(Int.init) ?? 200, seed: option("--seed").flatMap(UInt64.init) ?? 20_260_801,
                                    targets: option("--targets").map { $0.split(separator: ",").map(String.init) } ?? FuzzTarget.all.map(\.name),
                                    corpus: URL(fileURLWithPath: option("--corpus") ?? "Tests/FuzzCorpus"), save: arguments.contains("--save"),
                                    minimise: arguments.contains("--minimise"))
            exit(campaign.run())
        case "replay":
            exit(Replay(corpus: URL(fileURLWithPath: option("--corpus") ?? "Tests/FuzzCorpus")).run() ? 0 : 1)
        case "targets":
            print(FuzzTarget.all.map(\.name).joined(separator: "\n"))
        default:
            fail("usage: zonegrise-fuzz campaign|replay|targets (see the comment at the top of Sources/ZonegriseFuzz/FuzzCommand.swift)")
        }
    }
}
#endif
