import ZonegriseCore

/// Reads little-endian integers and arrays front to back out of raw bytes (a
/// memory-mapped graph cache); every read is bounds-checked and gives nil past the end.
///
/// With `LittleEndianWriter`, the one place the cache touches raw memory. The bytes are
/// valid only inside the caller's `withUnsafeBytes`; arrays are copied out.
struct LittleEndianReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard size <= remaining else { return nil }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The next `count` bytes.
    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    /// Skips to the next multiple of `alignment` bytes from the start.
    mutating func align(to alignment: Int) -> Bool {
        let padding = (alignment - offset % alignment) % alignment
        guard padding <= remaining else { return false }
        offset += padding
        return true
    }

    /// `count` integers, copied in one block (then byte-swapped on a big-endian machine).
    /// - Complexity: O(count), a `memcpy`.
    mutating func array<T: FixedWidthInteger>(of _: T.Type, count: Int) -> [T]? {
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= remaining / size else { return nil }
        let source = bytes.baseAddress.map { $0 + offset }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let source { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: count * size) }
            initialized = count
        }
        offset += count * size
        #if _endian(big)
        return values.map { T(littleEndian: $0) }
        #else
        return values
        #endif
    }

    /// `count` points stored as x then y, Float64 each.
    /// - Complexity: O(count).
    mutating func points(count: Int) -> [PlanarPoint]? {
        guard count >= 0, count <= remaining / 16 else { return nil }
        var points: [PlanarPoint] = []
        points.reserveCapacity(count)
        for k in 0 ..< count {
            let at = offset + 16 * k
            let x = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let y = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            points.append(PlanarPoint(x: Double(bitPattern: x), y: Double(bitPattern: y)))
        }
        offset += 16 * count
        return points
    }
}
