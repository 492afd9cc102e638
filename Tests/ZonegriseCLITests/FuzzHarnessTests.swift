import Foundation
import Testing
import ZonegriseTestSupport

/// The seeded mutation harness (`zonegrise-fuzz`, README "Fuzzing"): the corpus of inputs
/// that once crashed a reader is replayed on every run, and a bounded campaign of
/// mutated inputs runs every reader in child processes.
///
/// `ZONEGRISE_FUZZ_CASES` (default 250 per target) and `ZONEGRISE_FUZZ_SEED` (default
/// fixed, printed) change the campaign.
@Suite("Fuzzing harness", .serialized)
struct FuzzHarnessTests {
    static let path = RepositoryFolders.root.appendingPathComponent(".build/debug/zonegrise-fuzz").path
    static let missing = "the harness \(path) does not exist: run `swift build --product zonegrise-fuzz` first (scripts/test.sh does it before `swift test`)"

    /// Runs the harness; its standard output and error together.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ZonegriseBinary.run(executable: path, missing: missing, arguments)
        return (result.status, result.stdout + result.stderr)
    }

    /// Every saved input runs without a crash (inputs listed in
    /// `Tests/FuzzCorpus/numeric-range/LIST.txt` would be excepted and reported; the list
    /// is empty since the range checks of issue 8).
    @Test func corpusReplaysWithoutACrash() throws {
        let corpus = RepositoryFolders.path("Tests/FuzzCorpus")
        let (status, output) = try Self.run(["replay", "--corpus", corpus])
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains("replayed"), "\(output)")
    }

    /// No crash of any class: a reader's (exit 1) or numbers out of range (exit 3, the
    /// class issue 8's range checks closed) alike.
    @Test func boundedCampaignFindsNoCrash() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["ZONEGRISE_FUZZ_CASES"] ?? "250"
        let seed = environment["ZONEGRISE_FUZZ_SEED"] ?? "20260801"
        let (status, output) = try Self.run(["campaign", "--cases", cases, "--seed", seed, "--corpus", RepositoryFolders.path("Tests/FuzzCorpus")])
        print(output)
        #expect(output.contains("cases,"), "\(output)")
        #expect(status == 0, "seed \(seed): rerun `.build/debug/zonegrise-fuzz campaign --seed \(seed) --cases \(cases) --save --minimise` to save the crashing inputs under Tests/FuzzCorpus/\n\(output)")
    }

}
