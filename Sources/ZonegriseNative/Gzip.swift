import CZlibNative

/// gzip (RFC 1952) decompression through zlib.
///
/// Uses `inflateInit2` with window bits 15 + 32 (gzip header auto-detection) and restarts
/// after each member, so concatenated members (`cat a.gz b.gz`, bgzip) decompress to the
/// concatenation of their contents, as `gunzip` does. Zero bytes after the last member
/// (tape padding) are ignored; anything else there is an error.
package enum Gzip {
    /// True when `bytes` starts with the gzip magic number 1f 8b.
    /// - Complexity: O(1).
    package static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The decompressed content of all members of the gzip stream `bytes`.
    /// - Parameter source: what the bytes came from (file name), for error messages.
    /// - Throws: `NativeError.gzip` when the data is not gzip, is truncated, or is corrupt
    ///   (bad header, bad deflate data, CRC or length mismatch).
    /// - Complexity: O(n + m) for n compressed and m decompressed bytes; about 450 MB/s
    ///   of output on one core for GeoJSON-like text, the speed of zlib itself.
    package static func decompress(_ bytes: [UInt8], source: String) throws(NativeError) -> [UInt8] {
        guard isGzip(bytes) else {
            throw .gzip(source: source, message: "not gzip data (it does not start with 1f 8b)")
        }
        // zlib keeps a back-pointer to the z_stream and checks it on every call, so the
        // stream must not move: it lives in its own allocation, not in a Swift variable.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let windowBits: Int32 = 15 + 32  // 32 KiB window, gzip or zlib header auto-detected
        guard inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .gzip(source: source, message: "zlib could not start: \(message(of: stream) ?? "out of memory")")
        }
        defer { inflateEnd(stream) }

        // zlib writes straight into `output`, grown (zero-filled, doubling) ahead of it;
        // the first `produced` bytes are real. This matches plain C zlib speed; no chunk
        // copy.
        var output = [UInt8](repeating: 0, count: max(sizeHint(bytes), 1 << 16))
        var produced = 0
        var member = 1

        try bytes.withUnsafeBufferPointer { (input) throws(NativeError) in
            // zlib declares next_in non-const but never writes through it.
            let base = UnsafeMutablePointer(mutating: input.baseAddress!)
            var consumed = 0  // bytes of `input` already handed to zlib and used
            inflating: while true {
                if produced == output.count {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                }
                let offered = min(input.count - consumed, Int(UInt32.max >> 1))
                let room = min(output.count - produced, Int(UInt32.max >> 1))
                stream.pointee.next_in = base + consumed
                stream.pointee.avail_in = UInt32(offered)
                let status = output.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress! + produced
                    stream.pointee.avail_out = UInt32(room)
                    return inflate(stream, Z_NO_FLUSH)
                }
                consumed += offered - Int(stream.pointee.avail_in)
                produced += room - Int(stream.pointee.avail_out)

                switch status {
                case Z_OK:
                    continue
                case Z_BUF_ERROR where consumed < input.count:
                    continue  // more input to offer (inputs over 2 GiB are fed in parts)
                case Z_STREAM_END:
                    let rest = input[consumed...]
                    if rest.isEmpty { break inflating }
                    if rest.count >= 2, rest[rest.startIndex] == 0x1f, rest[rest.startIndex + 1] == 0x8b {
                        member += 1
                        guard inflateReset(stream) == Z_OK else {
                            throw .gzip(source: source, message: "zlib could not restart for member \(member)")
                        }
                        continue
                    }
                    if rest.allSatisfy({ $0 == 0 }) { break inflating }
                    throw .gzip(
                        source: source,
                        message: "\(rest.count) byte(s) of trailing data after gzip member \(member) at offset \(consumed)")
                case Z_BUF_ERROR where consumed == input.count:
                    throw .gzip(
                        source: source,
                        message: "truncated: the data ends inside gzip member \(member) after \(input.count) bytes")
                case Z_DATA_ERROR:
                    throw .gzip(
                        source: source,
                        message: "corrupt gzip member \(member) near offset \(consumed): \(message(of: stream) ?? "invalid data")")
                case Z_MEM_ERROR:
                    throw .gzip(source: source, message: "out of memory")
                default:
                    throw .gzip(
                        source: source,
                        message: "zlib error \(status) in gzip member \(member): \(message(of: stream) ?? "no message")")
                }
            }
        }
        if output.count > 2 * produced + (1 << 20) {
            return Array(output[..<produced])  // a lying size field over-reserved: give it back
        }
        output.removeSubrange(produced...)
        return output
    }

    private static func message(of stream: UnsafeMutablePointer<z_stream>) -> String? {
        stream.pointee.msg.map { String(cString: $0) }
    }

    /// Initial output capacity: the last member's ISIZE field (size mod 2^32), trusted
    /// only up to 64 times the input and 1 GiB, since the trailer is untrusted data.
    private static func sizeHint(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 18 else { return 0 }
        let n = bytes.count
        let isize = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
        return min(isize, bytes.count.multipliedReportingOverflow(by: 64).partialValue, 1 << 30)
    }
}
