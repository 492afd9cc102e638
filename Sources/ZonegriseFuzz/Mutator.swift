import ZonegriseTestSupport

/// Seeded mutations of a seed file: byte flips and overwrites, truncation, deletion and
/// duplication of slices, and insertion of interesting tokens (huge numbers, NaN, 1e308,
/// -0, empty strings, quotes, byte order marks, invalid UTF-8, deep nesting), one to four
/// stacked per case. The same seed and case number give the same bytes on every machine.
struct Mutator {
    /// Tokens that readers of numbers, strings and structure get wrong.
    static let tokens: [[UInt8]] = {
        let text = [
            "99999999999999999999", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e308", "-1e308",
            "1e309", "1e-400", "NaN", "nan", "inf", "-inf", "Infinity", "-0", "0x10", "1_000", "4.5e", ".", "-", "+", "",
            "\"", "\"\"", "\"a\"\"b\"", "'", ",", ";", "\t", "\n", "\r\n", "\r", ":", "{", "}", "[", "]", "null", "true",
            "\\u0000", "\\uD800", "\\", "- ", "? ", "&a [*a, *a]", "*a", "!!binary AAAA", "<<: *a", "---", "...", "%YAML 1.2",
            "<node id=\"1\" lat=\"95\" lon=\"NaN\"/>", "<way id=\"-1\"><nd ref=\"99999999999999999999\"/></way>", "]]>", "<!--", "&amp;", "&#0;",
        ].map { Array($0.utf8) }
        let bytes: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE], [0x00], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xE9], [0xC0, 0xAF],
            [0x1F, 0x8B, 0x08, 0x00], [0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x00], [0x7F, 0xFF, 0xFF, 0xFF],
        ]
        let nesting = [Array(repeating: UInt8(ascii: "["), count: 5000), Array(String(repeating: "{\"a\":", count: 3000).utf8),
                       Array(String(repeating: "- ", count: 2000).utf8), Array(String(repeating: "<a>", count: 5000).utf8)]
        return text + bytes + nesting
    }()

    /// Numbers at and beyond the limits of what readers store (Int64, Double), and the
    /// odd ones (NaN, -0, negative), for replacing a number of the input.
    static let numbers: [[UInt8]] = [
        "9223372036854775807", "9223372036854775806", "-9223372036854775808", "4611686018427387904", "9223372036854775808",
        "99999999999999999999", "1e308", "-1e308", "1.7976931348623157e308", "1e309", "4e18", "1e19", "1e-400", "5e-324",
        "NaN", "-0", "0", "-1", "-0.0", "2147483648", "4294967296",
    ].map { Array($0.utf8) }

    var random: SplitMix64

    /// The mutator of case `index` of a campaign seeded with `seed`, for one target.
    init(seed: UInt64, target: String, index: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in target.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        random = SplitMix64(seed: seed ^ hash ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    /// A mutated copy of `seed`.
    mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0 ... below(4) { step(&bytes) }
        return bytes
    }

    mutating func step(_ bytes: inout [UInt8]) {
        let count = bytes.count
        switch below(10) {
        case 0 where count > 0: // flip a bit
            bytes[below(count)] ^= UInt8(1) << UInt8(below(8))
        case 1 where count > 0: // overwrite a byte
            bytes[below(count)] = UInt8(truncatingIfNeeded: random.next())
        case 2: // truncate
            bytes.removeLast(count - below(count + 1))
        case 3 where count > 1: // delete a slice
            let start = below(count), length = 1 + below(min(64, count - start))
            bytes.removeSubrange(start ..< start + length)
        case 4 where count > 1: // duplicate a slice
            let start = below(count), length = 1 + below(min(256, count - start))
            bytes.insert(contentsOf: bytes[start ..< start + length], at: below(count))
        case 5, 6: // replace a number by an extreme number (mostly) or a token
            if let range = numberRange(in: bytes) {
                let pool = below(4) == 0 ? Self.tokens : Self.numbers
                bytes.replaceSubrange(range, with: pool[below(pool.count)])
            } else {
                bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(count + 1))
            }
        default: // insert a token
            bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(count + 1))
        }
    }

    /// A run of digits (with its sign, point and exponent) around a random position.
    mutating func numberRange(in bytes: [UInt8]) -> Range<Int>? {
        guard !bytes.isEmpty else { return nil }
        func isNumeric(_ byte: UInt8) -> Bool { (0x30 ... 0x39).contains(byte) || byte == 0x2E || byte == 0x2D || byte == 0x65 || byte == 0x45 }
        var start = below(bytes.count)
        var tries = 0
        while !(0x30 ... 0x39).contains(bytes[start]) {
            start = (start + 1) % bytes.count
            tries += 1
            if tries == bytes.count { return nil }
        }
        var end = start
        while start > 0, isNumeric(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isNumeric(bytes[end]) { end += 1 }
        return start ..< end
    }
}
