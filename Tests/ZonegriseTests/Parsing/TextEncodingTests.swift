import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// The UTF-8 validator and the Windows-1252 decoder under the input readers.
@Suite("Parsing: UTF-8 validation and Windows-1252")
struct TextEncodingTests {
    /// Random byte strings biased towards UTF-8 lead and continuation bytes: the
    /// validator agrees with the standard library, and the prefix before the first
    /// invalid offset is well-formed while the sequence starting there is not.
    @Test func validatorAgreesWithTheStandardLibrary() {
        let seed: UInt64 = 0x5EED_0008
        var random = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [0x41, 0x0A, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0 ..< 20_000 {
            let count = Int(random.next() % 24)
            let bytes = (0 ..< count).map { _ in
                random.next() % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let offset = UTF8Validation.firstInvalidOffset(bytes)
            #expect((offset == nil) == expected, "seed \(seed): \(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "seed \(seed): \(bytes) at \(offset)")
            }
        }
    }

    @Test func longASCIIRunsAndTheLineOfAnOffset() {
        var bytes = Array(String(repeating: "abcdefg\n", count: 100).utf8)
        #expect(UTF8Validation.firstInvalidOffset(bytes) == nil)
        bytes[403] = 0xE9
        #expect(UTF8Validation.firstInvalidOffset(bytes) == 403)
        #expect(UTF8Validation.line(ofOffset: 403, in: bytes) == 51)
        #expect(UTF8Validation.firstInvalidOffset(Array("été".utf8) + [0xE2, 0x82]) == 5, "a truncated last sequence")
    }

    /// Every byte decodes, as Foundation's Windows-1252 for the 251 it defines and as
    /// the C1 control of the same value for 0x81, 0x8D, 0x8F, 0x90, 0x9D; the decoding
    /// is reversible.
    @Test func everyByteDecodesAndRoundTrips() throws {
        let all = (0 ... 255).map(UInt8.init)
        let decoded = String(decoding: Windows1252.decode(all), as: UTF8.self)
        let scalars = Array(decoded.unicodeScalars)
        #expect(scalars.count == 256)
        for byte in all {
            let scalar = scalars[Int(byte)]
            if Windows1252.undefined.contains(byte) {
                #expect(scalar.value == UInt32(byte))
            } else {
                let foundation = try #require(String(data: Data([byte]), encoding: .windowsCP1252))
                #expect(String(scalar) == foundation, "byte \(byte)")
            }
        }
        #expect(Windows1252.encode(decoded) == all)
        #expect(Windows1252.encode("€ Œ ’ É") == [0x80, 0x20, 0x8C, 0x20, 0x92, 0x20, 0xC9])
        #expect(Windows1252.encode("日本") == nil)
    }

    @Test func manifestNames() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "utf-8") == .utf8)
        for name in ["latin1", "Latin-1", "iso-8859-1", "windows-1252", "CP1252"] { #expect(TextEncoding(name: name) == .windows1252) }
        #expect(TextEncoding(name: "utf16") == nil)
    }
}
