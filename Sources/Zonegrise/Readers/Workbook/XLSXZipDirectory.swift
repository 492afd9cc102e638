import Foundation
import ZIPFoundation

/// Where each entry's bytes are in a zip archive (APPNOTE 4.3: end of central directory,
/// central directory, local file headers), checked against the archive's length, so that
/// an entry is decompressed from exactly its own bytes.
///
/// Why not `Archive.extract`: on Linux, ZIPFoundation 0.9.20 inflates until the deflate
/// stream ends, reading past the entry, and loops for ever at the end of the file when a
/// damaged stream never ends (found by `zonegrise-fuzz`, target `xlsx`); and it tells
/// zlib that every chunk holds the buffer's size, so that a short last chunk lets a
/// damaged stream read past it. Here the provider given to ZIPFoundation's
/// `Data.decompress` refuses to read past the entry and pads its last chunk with zeros.
struct XLSXZipDirectory {
    struct Item {
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var dataOffset: Int
    }

    /// The most an entry may inflate to (a gamme workbook's parts are kilobytes; INSEE's
    /// largest tables, tens of megabytes): a "zip bomb" stops here.
    static let maximumEntryBytes = 512 << 20

    let bytes: [UInt8]
    let items: [String: Item]

    /// - Throws: `XLSXWorkbook.Failure` for a directory that points outside the archive,
    ///   or a Zip64 archive (not needed by workbooks of this size).
    /// - Complexity: O(archive size) to find the end record, O(entries) then.
    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let damaged = { (what: String) in XLSXWorkbook.Failure(description: "the zip archive is damaged: \(what)") }
        guard bytes.count >= 22 else { throw damaged("it is too short") }
        var end = -1
        var at = bytes.count - 22
        while at >= max(0, bytes.count - 22 - 65_535) {
            if u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw damaged("no end of central directory record") }
        let count = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw XLSXWorkbook.Failure(description: "not a readable xlsx workbook: Zip64 archives are not read")
        }
        guard offset + size <= end else { throw damaged("the central directory lies outside the archive") }
        var items: [String: Item] = [:]
        var cursor = offset
        for _ in 0 ..< count {
            guard cursor + 46 <= offset + size, u32(cursor) == 0x0201_4B50 else { throw damaged("a central directory entry is unreadable") }
            let nameLength = u16(cursor + 28), extraLength = u16(cursor + 30), commentLength = u16(cursor + 32)
            guard cursor + 46 + nameLength <= offset + size else { throw damaged("a central directory entry is unreadable") }
            let name = String(decoding: bytes[(cursor + 46) ..< (cursor + 46 + nameLength)], as: UTF8.self)
            let compressed = u32(cursor + 20), uncompressed = u32(cursor + 24), local = u32(cursor + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw XLSXWorkbook.Failure(description: "not a readable xlsx workbook: Zip64 archives are not read")
            }
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw damaged("the local header of \(name) is unreadable") }
            let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataOffset + compressed <= bytes.count else { throw damaged("\(name) extends past the end of the archive") }
            items[name] = Item(method: UInt16(u16(cursor + 10)), crc32: UInt32(u32(cursor + 16)), compressedSize: compressed,
                               uncompressedSize: uncompressed, dataOffset: dataOffset)
            cursor += 46 + nameLength + extraLength + commentLength
        }
        self.items = items
    }

    /// The entry's bytes, inflated (ZIPFoundation's `Data.decompress`) and checked
    /// against its CRC-32.
    /// - Throws: `XLSXWorkbook.Failure` naming the entry.
    func extract(_ name: String) throws -> Data {
        guard let item = items[name] else {
            throw XLSXWorkbook.Failure(description: "not a readable xlsx workbook: the zip archive has no \(name)")
        }
        let damaged = { (what: String) in XLSXWorkbook.Failure(description: "the zip archive is damaged: \(name) \(what)") }
        let start = item.dataOffset, size = item.compressedSize
        var data = Data()
        let checksum: UInt32
        switch item.method {
        case 0:
            data = Data(bytes[start ..< start + size])
            checksum = data.crc32(checksum: 0)
        case 8:
            do {
                checksum = try Data.decompress(size: Int64(size), bufferSize: 64 << 10, skipCRC32: false, provider: { position, chunk in
                    // Past the entry's own bytes: the stream did not end where it should.
                    guard position < Int64(size) else { throw damaged("does not end within its compressed size") }
                    // Always `chunk` bytes, zeros after the entry's end: ZIPFoundation
                    // tells zlib the chunk holds `bufferSize` bytes whatever it holds.
                    let from = start + Int(position), to = min(start + size, from + chunk)
                    var piece = Data(bytes[from ..< to])
                    if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
                    return piece
                }, consumer: { piece in
                    guard data.count + piece.count <= Self.maximumEntryBytes else {
                        throw damaged("inflates to more than \(Self.maximumEntryBytes >> 20) MiB")
                    }
                    data.append(piece)
                })
            } catch let failure as XLSXWorkbook.Failure {
                throw failure
            } catch {
                throw damaged("cannot be decompressed")
            }
        default:
            throw XLSXWorkbook.Failure(description: "not a readable xlsx workbook: \(name) uses compression method \(item.method)")
        }
        guard checksum == item.crc32, data.count == item.uncompressedSize else { throw damaged("does not match its checksum") }
        return data
    }
}
