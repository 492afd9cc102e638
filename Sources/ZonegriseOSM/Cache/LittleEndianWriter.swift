import ZonegriseCore

/// Appends little-endian integers and arrays to a byte buffer: the writing half of
/// `LittleEndianReader`.
struct LittleEndianWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bytes(_ values: [UInt8]) {
        bytes.append(contentsOf: values)
    }

    /// Zero bytes up to the next multiple of `alignment` from the start.
    mutating func align(to alignment: Int) {
        bytes.append(contentsOf: repeatElement(0, count: (alignment - bytes.count % alignment) % alignment))
    }

    /// The integers in one block (byte-swapped first on a big-endian machine).
    /// - Complexity: O(count), a `memcpy`.
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(big)
        let values = values.map(\.littleEndian)
        #endif
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Each point as x then y, Float64 each.
    /// - Complexity: O(count).
    mutating func points(_ points: [PlanarPoint]) {
        for point in points {
            integer(point.x.bitPattern)
            integer(point.y.bitPattern)
        }
    }
}
