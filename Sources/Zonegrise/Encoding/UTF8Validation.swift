/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), in one pass.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence (a truncated one at
    /// the end included), or nil when `bytes` is well-formed UTF-8.
    /// - Complexity: O(bytes), one pass; runs of ASCII are checked eight bytes at a time.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < count {
                // ASCII fast path, eight bytes per step.
                while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < count else { break }
                let lead = buffer[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch lead {
                case 0xC2 ... 0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1 ... 0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return i
                }
                guard i + length <= count else { return i }
                let second = buffer[i + 1]
                guard second >= lower, second <= upper else { return i }
                for k in 2 ..< length where buffer[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }

    /// The 1-based line of byte `offset` (line feeds before it, plus one).
    /// - Complexity: O(offset).
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var lines = 1
        for byte in bytes[..<offset] where byte == 0x0A { lines += 1 }
        return lines
    }

    /// The error for a YAML file (manifest, scenario) that must be UTF-8 and is not:
    /// the line and byte offset of the first byte that is not UTF-8.
    static func notUTF8(_ bytes: [UInt8], file: String, what: String) -> ZonegriseError {
        guard let offset = firstInvalidOffset(bytes) else {
            return .malformed(file: file, line: nil, detail: "the \(what) is not UTF-8 text; save it as UTF-8")
        }
        return .malformed(file: file, line: line(ofOffset: offset, in: bytes),
                          detail: "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset) is not UTF-8: the \(what) must be UTF-8 text; save it as UTF-8")
    }
}
