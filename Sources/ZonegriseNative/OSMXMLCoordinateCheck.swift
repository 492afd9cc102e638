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
        /// - Complexity: O(bytes), one pass of plain loops over the buffer.
        package mutating func feed(_ chunk: [UInt8]) -> Problem? {
            let bytes = carry + chunk
            var lines = newlines
            var keepFrom = bytes.count
            var problem: Problem?
            bytes.withUnsafeBufferPointer { buffer in
                let n = buffer.count
                var i = 0, scannedTo = 0
                func countNewlines(to end: Int) {
                    var k = scannedTo
                    while k < end {
                        if buffer[k] == 0x0A { lines += 1 }
                        k += 1
                    }
                    scannedTo = end
                }
                while i < n {
                    while i < n, buffer[i] != UInt8(ascii: "<") { i += 1 }
                    guard i < n else { break }
                    countNewlines(to: i)
                    if Self.matches(buffer, at: i, Self.commentOpen) {
                        guard let end = Self.find(buffer, Self.commentClose, from: i + 4) else { keepFrom = i; break }
                        i = end + 3
                        continue
                    }
                    var end = i + 1
                    while end < n, buffer[end] != UInt8(ascii: ">") { end += 1 }
                    guard end < n else { keepFrom = i; break }
                    if Self.matches(buffer, at: i, Self.nodeOpen), i + 5 < end, Self.endsName(buffer[i + 5]),
                       let found = check(Array(buffer[(i + 5) ..< end])[...], line: lines + 1) {
                        problem = found
                        return
                    }
                    i = end + 1
                }
                countNewlines(to: keepFrom)
            }
            if let problem { return problem }
            newlines = lines
            // Keep from the first byte not scanned (a cut tag or comment), but not a runaway
            // one: a tag longer than a chunk is left to readosm, which refuses broken XML.
            carry = bytes.count - keepFrom > 1 << 20 ? [] : Array(bytes[keepFrom...])
            return nil
        }

        static let commentOpen = Array("<!--".utf8)
        static let commentClose = Array("-->".utf8)
        static let nodeOpen = Array("<node".utf8)

        /// Checks the attributes of one `<node …>` tag (the bytes after `<node`).
        func check(_ tag: ArraySlice<UInt8>, line: Int) -> Problem? {
            let attributes = Self.attributes(tag)
            guard let idBytes = attributes.id, let id = Self.integer(tag[idBytes]), nodes.index(of: id) != nil else { return nil }
            for (name, found, range, word) in [("lat", attributes.lat, InputLimits.latitude, "a latitude"),
                                               ("lon", attributes.lon, InputLimits.longitude, "a longitude")] {
                guard let found else {
                    return Problem(nodeID: id, line: line, detail: "node \(id) has no \(name) attribute")
                }
                let text = String(decoding: tag[found], as: UTF8.self)
                guard Self.isDecimal(tag[found]), let value = Double(text), range.contains(value) else {
                    return Problem(nodeID: id, line: line,
                                   detail: "node \(id) has \(name)=\"\(MessageText.excerpt(text))\", not \(word) in decimal degrees from \(InputLimits.text(range.lowerBound)) to \(InputLimits.text(range.upperBound))")
                }
            }
            return nil
        }

        /// Where the values of the `id`, `lat` and `lon` attributes of a start tag are (as
        /// written, between single or double quotes); the others are skipped.
        static func attributes(_ tag: ArraySlice<UInt8>) -> (id: Range<Int>?, lat: Range<Int>?, lon: Range<Int>?) {
            var result: (id: Range<Int>?, lat: Range<Int>?, lon: Range<Int>?) = (nil, nil, nil)
            var i = tag.startIndex
            while i < tag.endIndex {
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                let nameStart = i
                while i < tag.endIndex, tag[i] != UInt8(ascii: "="), !isSpace(tag[i]), tag[i] != UInt8(ascii: "/") { i += 1 }
                let nameEnd = i
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                guard i < tag.endIndex, tag[i] == UInt8(ascii: "=") else { i += 1; continue }
                i += 1
                while i < tag.endIndex, isSpace(tag[i]) { i += 1 }
                guard i < tag.endIndex, tag[i] == UInt8(ascii: "\"") || tag[i] == UInt8(ascii: "'") else { continue }
                let quote = tag[i]
                i += 1
                let valueStart = i
                while i < tag.endIndex, tag[i] != quote { i += 1 }
                let value = valueStart ..< i
                switch nameEnd - nameStart {
                case 2 where tag[nameStart] == UInt8(ascii: "i") && tag[nameStart + 1] == UInt8(ascii: "d"):
                    result.id = value
                case 3 where tag[nameStart] == UInt8(ascii: "l") && tag[nameStart + 1] == UInt8(ascii: "a") && tag[nameStart + 2] == UInt8(ascii: "t"):
                    result.lat = value
                case 3 where tag[nameStart] == UInt8(ascii: "l") && tag[nameStart + 1] == UInt8(ascii: "o") && tag[nameStart + 2] == UInt8(ascii: "n"):
                    result.lon = value
                default:
                    break
                }
                i += 1
            }
            return result
        }

        /// A decimal integer with an optional `-`, or nil (also on overflow).
        static func integer(_ bytes: ArraySlice<UInt8>) -> Int64? {
            var i = bytes.startIndex
            let negative = i < bytes.endIndex && bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            guard i < bytes.endIndex else { return nil }
            var value: Int64 = 0
            while i < bytes.endIndex {
                guard isDigit(bytes[i]) else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = shifted.addingReportingOverflow(Int64(bytes[i] - UInt8(ascii: "0")))
                guard !overflow, !overflow2 else { return nil }
                value = next
                i += 1
            }
            return negative ? -value : value
        }

        /// `[+-]digits[.digits][(e|E)[+-]digits]`, or with the integer part left out (`.5`).
        static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
            var i = bytes.startIndex
            let end = bytes.endIndex
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var digits = 0
            while i < end, isDigit(bytes[i]) { i += 1; digits += 1 }
            if i < end, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while i < end, isDigit(bytes[i]) { i += 1; digits += 1 }
            }
            guard digits > 0 else { return false }
            if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
                var exponent = 0
                while i < end, isDigit(bytes[i]) { i += 1; exponent += 1 }
                guard exponent > 0 else { return false }
            }
            return i == end
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// True when `byte` ends an element name (`<node ` but not `<nodes`).
        static func endsName(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") }

        static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ wanted: [UInt8]) -> Bool {
            guard index + wanted.count <= bytes.count else { return false }
            for k in 0 ..< wanted.count where bytes[index + k] != wanted[k] { return false }
            return true
        }

        static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + wanted.count <= bytes.count {
                if matches(bytes, at: i, wanted) { return i }
                i += 1
            }
            return nil
        }
    }
}
