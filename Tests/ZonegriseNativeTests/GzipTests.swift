import Foundation
import Testing
import ZonegriseNative
import ZonegriseTestSupport

@Suite struct GzipTests {
    /// `printf 'hello, ' | gzip -n; printf 'zonegrise\n' | gzip -n`: two members.
    static let twoMembers = [UInt8](
        Data(base64Encoded: "H4sIAAAAAAAAA8tIzcnJ11EAAJlW6hEHAAAAH4sIAAAAAAAAA6vKz0tNL8osTuUCAKh28eMKAAAA")!)

    @Test func concatenatedMembersDecompress() throws {
        #expect(Gzip.isGzip(Self.twoMembers))
        let text = try Gzip.decompress(Self.twoMembers, source: "blob")
        #expect(String(decoding: text, as: UTF8.self) == "hello, zonegrise\n")
    }

    @Test func trailingZerosAreIgnored() throws {
        let padded = Self.twoMembers + [UInt8](repeating: 0, count: 512)
        #expect(try Gzip.decompress(padded, source: "padded") == Array("hello, zonegrise\n".utf8))
    }

    @Test func truncatedDataThrows() {
        let truncated = Array(Self.twoMembers.dropLast(3))
        #expect(throws: NativeError.gzip(
            source: "cut.gz", message: "truncated: the data ends inside gzip member 2 after \(truncated.count) bytes")
        ) {
            try Gzip.decompress(truncated, source: "cut.gz")
        }
        #expect(throws: NativeError.self) { try Gzip.decompress(Array(Self.twoMembers.prefix(12)), source: "short") }
    }

    @Test func corruptOrForeignDataThrows() {
        var corrupt = Self.twoMembers
        corrupt[14] ^= 0xff  // inside the deflate data of member 1: CRC or block error
        #expect(throws: NativeError.self) { try Gzip.decompress(corrupt, source: "bad.gz") }
        #expect(throws: NativeError.gzip(source: "plain.txt", message: "not gzip data (it does not start with 1f 8b)")) {
            try Gzip.decompress(Array("plain".utf8), source: "plain.txt")
        }
        #expect(!Gzip.isGzip([]))
        #expect(throws: NativeError.self) { try Gzip.decompress(Self.twoMembers + [1, 2, 3], source: "junk") }
    }

    @Test(.requires("/usr/bin/gzip", { FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") }))
    func largeOutputOfSystemGzipRoundTrips() throws {
        var generator = SplitMix64(seed: 5)
        // Compressible but not trivial: 3 MB of small random words, beyond one output chunk.
        let original = (0..<3_000_000).map { _ in UInt8.random(in: 97...104, using: &generator) }
        let compressed = try Self.systemGzip(original)
        #expect(compressed.count < original.count)
        #expect(try Gzip.decompress(compressed, source: "system.gz") == original)
    }

    private static func systemGzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory
        let input = directory.appendingPathComponent("zonegrise-gzip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-c", "-n", input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return [UInt8](output)
    }
}
