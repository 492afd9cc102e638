import Foundation
import ZonegriseNative

/// Reads a whole input file as UTF-8 bytes, gunzipping it when it starts with the gzip
/// magic, and decoding it from Windows-1252 when it is declared so or is not UTF-8.
enum InputBytes {
    /// The text of a CSV or GeoJSON input as UTF-8 bytes.
    ///
    /// The encoding is `encoding` if given, else the one the run's manifest declares for
    /// `path` (`InputEncodingLog.current`), else detected: bytes that are well-formed
    /// UTF-8 are returned as they are; others are decoded as Windows-1252 and the run's
    /// log records it, with the first byte that is not UTF-8, for a warning.
    /// - Throws: `ZonegriseError.malformed` naming the line and byte offset when UTF-8 is
    ///   declared and the bytes are not UTF-8.
    /// - Complexity: O(file size), one validation pass when the text is UTF-8; the
    ///   decompressed bytes are held in memory.
    static func read(_ path: String, encoding: TextEncoding? = nil) throws -> [UInt8] {
        let (raw, gzipped) = try readRaw(path)
        let log = InputEncodingLog.current
        let declared = encoding ?? log?.declared[path]
        if declared == .windows1252 {
            log?.record(path, .init(encoding: .windows1252, declared: true))
            return Windows1252.decode(raw)
        }
        guard let offset = UTF8Validation.firstInvalidOffset(raw) else { return raw }
        let line = UTF8Validation.line(ofOffset: offset, in: raw)
        if declared == .utf8 {
            let hex = String(raw[offset], radix: 16, uppercase: true)
            throw ZonegriseError.malformed(
                file: path, line: line,
                detail: "byte 0x\(hex) at byte offset \(offset)\(gzipped ? " of the decompressed text" : "") is not UTF-8, although the manifest declares encoding: utf8 for this input; if the file is Latin-1 (Windows-1252), declare encoding: latin1, or convert it to UTF-8")
        }
        log?.record(path, .init(encoding: .windows1252, declared: false, firstInvalidLine: line, firstInvalidOffset: offset))
        return Windows1252.decode(raw)
    }

    /// The bytes of a file, gunzipped when it starts with the gzip magic, and whether it did.
    /// - Complexity: O(file size).
    static func readRaw(_ path: String) throws -> (bytes: [UInt8], gzipped: Bool) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ZonegriseError.unreadable(file: path, reason: "no such file")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ZonegriseError.unreadable(file: path, reason: isFolder.boolValue ? "it is a folder" : "permission denied")
        }
        let bytes = [UInt8](data)
        guard Gzip.isGzip(bytes) else { return (bytes, false) }
        do {
            return (try Gzip.decompress(bytes, source: path), true)
        } catch {
            throw ZonegriseError.malformed(file: path, line: nil, detail: "cannot decompress the gzip data: \(NativeError.reason(of: error))")
        }
    }

    /// Whether the first byte after a BOM and white space opens a JSON object: readers
    /// that take either GeoJSON or CSV decide on it.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        let first = bytes.first { $0 != 0xEF && $0 != 0xBB && $0 != 0xBF && $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return first == UInt8(ascii: "{")
    }
}
