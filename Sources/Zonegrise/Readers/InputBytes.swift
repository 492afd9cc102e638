import Foundation
import ZonegriseNative

/// Reads a whole input file as bytes, gunzipping it when it starts with the gzip magic.
enum InputBytes {
    /// - Complexity: O(file size); the decompressed bytes are held in memory.
    static func read(_ path: String) throws -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ZonegriseError.unreadable(file: path, reason: "no such file")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ZonegriseError.unreadable(file: path, reason: isFolder.boolValue ? "it is a folder" : "permission denied")
        }
        let bytes = [UInt8](data)
        guard Gzip.isGzip(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes, source: path)
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
