/// Windows-1252 to UTF-8, every byte decoded: the 27 characters of 0x80–0x9F that
/// Windows-1252 defines (€, Œ, œ, ’, “…), and the five it leaves undefined (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D) as the C1 control characters of the same value, as the
/// WHATWG Encoding Standard (what browsers do) decodes them; 0xA0–0xFF as in ISO 8859-1.
/// Nothing is replaced: the decoding is lossless and reversible.
enum Windows1252 {
    /// Unicode scalars of 0x80 ... 0x9F.
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The bytes undefined in Windows-1252, decoded as C1 controls.
    static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// UTF-8 bytes of `bytes` read as Windows-1252.
    /// - Complexity: O(bytes); the result is at most three times as long.
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// The UTF-8 bytes of `text` encoded in Windows-1252, or nil when a character has
    /// no Windows-1252 byte (tests and fixtures write Latin-1 files with it).
    static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (0xA0 ... 0xFF).contains(scalar.value) {
                out.append(UInt8(scalar.value))
            } else if let index = high.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value)), scalar.value <= 0xFFFF {
                out.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return out
    }
}
