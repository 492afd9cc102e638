import Foundation
import Testing
import ZonegriseNative
import ZonegriseTestSupport

@Suite struct SHA256DigestTests {
    @Test func knownVectors() {
        // FIPS 180-4 examples.
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func fileDigestEqualsBufferDigest() throws {
        var generator = SplitMix64(seed: 11)
        // 2.5 MiB: several read chunks and a partial last one.
        let bytes = (0..<(5 << 19)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        #expect(try SHA256Digest.hex(fileAt: url.path) == SHA256Digest.hex(bytes))
    }

    @Test func missingFileThrows() {
        #expect(throws: NativeError.io(path: "/nonexistent/zonegrise", message: "No such file or directory")) {
            try SHA256Digest.hex(fileAt: "/nonexistent/zonegrise")
        }
    }
}
