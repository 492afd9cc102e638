import Foundation
import ZonegriseCore

/// Checks the `lat` and `lon` attributes of the nodes of an OpenStreetMap XML file as
/// text, before readosm reads them with C's `atof`, which turns `lat="abc"` or `lat=""`
/// into 0 and `lat="49,5"` into 49 without a word.
///
/// Only the nodes of an `OSMNodeIndex` (those the roads use) are checked: each must have
/// both attributes, written as decimal numbers (`49.5`, `-0.25`, `1e-3`), a longitude
/// from −180 to 180 and a latitude from −90 to 90 (`InputLimits`). Comments are skipped.
/// The file is read in chunks of 1 MiB; the scan does not build an XML tree.
package enum OSMXMLCoordinateCheck {
    /// A node whose coordinates cannot be used.
    package struct Problem: Hashable, Sendable {
        package var nodeID: Int64
        /// 1-based line of the node's start tag.
        package var line: Int
        /// What is wrong, for a sentence ("lat is \"abc\", not a latitude…").
        package var detail: String

        package init(nodeID: Int64, line: Int, detail: String) {
            self.nodeID = nodeID
            self.line = line
            self.detail = detail
        }
    }

    /// The first problem among the nodes of `nodes`, in file order, or nil.
    /// - Throws: `NativeError.io` when the file cannot be read.
    /// - Complexity: O(file size); memory O(chunk + longest tag).
    package static func firstProblem(path: String, nodes: OSMNodeIndex) throws(NativeError) -> Problem? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, message: "cannot open the file")
        }
        defer { try? handle.close() }
        var scanner = Scanner(nodes: nodes)
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .io(path: path, message: "\(error)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            if let problem = scanner.feed(Array(chunk)) { return problem }
        }
        return nil
    }

    /// The scan over successive chunks: bytes of a tag cut by a chunk's end are kept.
    package struct Scanner {
        let nodes: OSMNodeIndex
        /// Bytes not yet scanned (the start of a tag or comment cut by the chunk's end).
        var carry: [UInt8] = []
        /// Newlines before `carry`.
        var newlines = 0

        package init(nodes: OSMNodeIndex) {
            self.nodes = nodes
        }

        /// Scans the next bytes of the file; the first problem found, or nil.
        package mutating func feed(_ chunk: [UInt8]) -> Problem? {
            let bytes = carry + chunk
            var i = 0
            var scannedTo = 0
            func countNewlines(to end: Int) {
                for k in scannedTo ..< end where bytes[k] == 0x0A { newlines += 1 }
                scannedTo = end
            }
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                countNewlines(to: i)
                if Self.hasPrefix(bytes, at: i, "<!--") {
                    guard let end = Self.find(bytes, "-->", from: i + 4) else { break }
                    i = end + 3
                    continue
                }
                guard let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
                if Self.hasPrefix(bytes, at: i, "<node"), i + 5 < end, Self.endsName(bytes[i + 5]) {
                    if let problem = check(bytes[(i + 5) ..< end], line: newlines + 1) { return problem }
                }
                i = end + 1
            }
            // Keep from the first byte not scanned (a cut tag), but not a runaway one:
            // a tag longer than a chunk is left to readosm, which refuses broken XML.
            let keepFrom = min(i, bytes.count)
            countNewlines(to: keepFrom)
            carry = bytes.count - keepFrom > 1 << 20 ? [] : Array(bytes[keepFrom...])
            return nil
        }

        /// Checks the attributes of one `<node …>` tag (the bytes after `<node`).
        func check(_ tag: ArraySlice<UInt8>, line: Int) -> Problem? {
            let attributes = Self.attributes(tag)
            guard let idText = attributes["id"], let id = Int64(idText), nodes.index(of: id) != nil else { return nil }
            for (name, range, word) in [("lat", InputLimits.latitude, "a latitude"), ("lon", InputLimits.longitude, "a longitude")] {
                guard let text = attributes[name] else {
                    return Problem(nodeID: id, line: line, detail: "node \(id) has no \(name) attribute")
                }
                guard Self.isDecimal(text), let value = Double(text), range.contains(value) else {
                    return Problem(nodeID: id, line: line,
                                   detail: "node \(id) has \(name)=\"\(MessageText.excerpt(text))\", not \(word) in decimal degrees from \(InputLimits.text(range.lowerBound)) to \(InputLimits.text(range.upperBound))")
                }
            }
            return nil
        }

        /// Name → value of the attributes of a start tag (values as written, between
        /// single or double quotes).
        static func attributes(_ tag: ArraySlice<UInt8>) -> [String: String] {
            var result: [String: String] = [:]
            var i = tag.startIndex
            while i < tag.endIndex {
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                let nameStart = i
                while i < tag.endIndex, tag[i] != UInt8(ascii: "="), !isSpace(tag[i]), tag[i] != UInt8(ascii: "/") { i += 1 }
                let name = String(decoding: tag[nameStart ..< i], as: UTF8.self)
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                guard i < tag.endIndex, tag[i] == UInt8(ascii: "=") else { i += 1; continue }
                i += 1
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                guard i < tag.endIndex, tag[i] == UInt8(ascii: "\"") || tag[i] == UInt8(ascii: "'") else { continue }
                let quote = tag[i]
                i += 1
                let valueStart = i
                while i < tag.endIndex, tag[i] != quote { i += 1 }
                result[name] = String(decoding: tag[valueStart ..< i], as: UTF8.self)
                i += 1
            }
            return result
        }

        /// `[+-]digits[.digits][(e|E)[+-]digits]`, or with the integer part left out (`.5`).
        static func isDecimal(_ text: String) -> Bool {
            var bytes = Array(text.utf8)[...]
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let integer = bytes.prefix { isDigit($0) }.count
            bytes = bytes.dropFirst(integer)
            var fraction = 0
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                fraction = bytes.prefix { isDigit($0) }.count
                bytes = bytes.dropFirst(fraction)
            }
            guard integer + fraction > 0 else { return false }
            if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
                let exponent = bytes.prefix { isDigit($0) }.count
                guard exponent > 0 else { return false }
                bytes = bytes.dropFirst(exponent)
            }
            return bytes.isEmpty
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// True when `byte` ends an element name (`<node ` but not `<nodes`).
        static func endsName(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") }

        static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
            let wanted = Array(prefix.utf8)
            guard index + wanted.count <= bytes.count else { return false }
            return bytes[index ..< index + wanted.count].elementsEqual(wanted)
        }

        static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
            let wanted = Array(text.utf8)
            var i = start
            while i + wanted.count <= bytes.count {
                if bytes[i] == wanted[0], bytes[i ..< i + wanted.count].elementsEqual(wanted) { return i }
                i += 1
            }
            return nil
        }
    }
}
