#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before readosm parses an OSM XML file, that every `<tag>` has its `k` and
/// `v` attributes and every `<member>` its `type`, `ref` and `role`: readosm passes a
/// missing one to `strlen` and crashes (found by the fuzzing harness, issue 8).
///
/// A streaming scan of the bytes (element names, attribute names, quoted values,
/// comments, processing instructions and CDATA skipped), in 1 MiB reads: memory O(1).
enum OSMXMLAttributeCheck {
    /// Required attributes by element name.
    static let required: [String: [String]] = ["tag": ["k", "v"], "member": ["type", "ref", "role"]]

    /// - Throws: `NativeError.osm` naming the line and the element, or `.io` when the
    ///   file cannot be read.
    /// - Complexity: O(file size), one pass.
    static func check(_ path: String) throws(NativeError) {
        guard let file = fopen(path, "rb") else { throw .io(path: path, message: String(cString: strerror(errno))) }
        defer { fclose(file) }
        var scanner = Scanner()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            let found = buffer.withUnsafeBufferPointer { bytes -> Missing? in
                for i in 0 ..< count {
                    if let missing = scanner.feed(bytes[i]) { return missing }
                }
                return nil
            }
            if let missing = found {
                throw .osm(path: path, message: "line \(missing.line): a <\(missing.element)> element without its \(missing.attribute) attribute; OSM XML \(missing.element) elements need \(required[missing.element]!.joined(separator: ", ")) (fix or re-export the file, e.g. with osmium cat)")
            }
        }
    }

    struct Missing {
        var line: Int
        var element: String
        var attribute: String
    }

    /// The state machine over the bytes. Only the attributes of `<tag>` and `<member>`
    /// elements are looked at, as bits, so that the scan allocates nothing per element.
    struct Scanner {
        enum State {
            case text
            case elementName
            case attributes
            case attributeName
            case quoted(UInt8)
            case skipping
        }

        /// The element being read: 0 another, 1 `tag`, 2 `member`.
        var element = 0
        var state = State.text
        var line = 1
        /// The element name's first bytes (up to 8), and its length.
        var name: UInt64 = 0
        var nameLength = 0
        var attribute: UInt64 = 0
        var attributeLength = 0
        /// Bits of the attributes seen: k 1, v 2, type 4, ref 8, role 16.
        var seen = 0
        var elementLine = 1
        /// The last two bytes of a skipped construct, how many were skipped, and whether
        /// it is a comment (`<!--`, which ends at `-->` and may hold `>`).
        var tail: (UInt8, UInt8) = (0, 0)
        var skipped = 0
        var isComment = false

        static func packed(_ text: String) -> UInt64 { text.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        static let tagName = packed("tag"), memberName = packed("member")
        static let attributeBits: [(UInt64, Int)] = [(packed("k"), 1), (packed("v"), 2), (packed("type"), 4), (packed("ref"), 8), (packed("role"), 16)]
        /// Required bits and names per element (1: tag, 2: member).
        static let needed: [(bits: Int, names: [(Int, String)])] = [(0, []), (3, [(1, "k"), (2, "v")]), (28, [(4, "type"), (8, "ref"), (16, "role")])]

        @inline(__always)
        mutating func feed(_ byte: UInt8) -> Missing? {
            if byte == 0x0A { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .elementName
                    name = 0
                    nameLength = 0
                    elementLine = line
                }
            case .elementName:
                if nameLength == 0, byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "/") {
                    state = .skipping
                    tail = (0, byte)
                    skipped = 0
                    isComment = false
                } else if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                    element = nameLength == 3 && name == Self.tagName ? 1 : nameLength == 6 && name == Self.memberName ? 2 : 0
                    seen = 0
                    state = .attributes
                    return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") ? endOfElement(byte) : nil
                } else {
                    name = name << 8 | UInt64(byte)
                    nameLength += 1
                }
            case .attributes:
                if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                    return endOfElement(byte)
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .quoted(byte)
                } else if !isSpace(byte) && byte != UInt8(ascii: "=") {
                    attribute = UInt64(byte)
                    attributeLength = 1
                    state = .attributeName
                }
            case .attributeName:
                if byte == UInt8(ascii: "=") || isSpace(byte) {
                    if element != 0, attributeLength <= 4, let bit = Self.attributeBits.first(where: { $0.0 == attribute })?.1 { seen |= bit }
                    state = .attributes
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                    return endOfElement(byte)
                } else {
                    attribute = attribute << 8 | UInt64(byte)
                    attributeLength += 1
                }
            case let .quoted(quote):
                if byte == quote { state = .attributes }
            case .skipping:
                // Comments end at "-->"; declarations, instructions and end tags at ">".
                skipped += 1
                let dash = UInt8(ascii: "-")
                if skipped == 2, tail == (UInt8(ascii: "!"), dash), byte == dash { isComment = true }
                if byte == UInt8(ascii: ">"), !isComment || (skipped > 4 && tail == (dash, dash)) { state = .text }
                tail = (tail.1, byte)
            }
            return nil
        }

        /// At the `>` or `/` that ends an element's attributes: the missing one, if any.
        mutating func endOfElement(_ byte: UInt8) -> Missing? {
            state = byte == UInt8(ascii: ">") ? .text : .attributes
            let current = element
            element = 0
            let required = Self.needed[current]
            guard seen & required.bits != required.bits, let absent = required.names.first(where: { seen & $0.0 == 0 }) else { return nil }
            return Missing(line: elementLine, element: current == 1 ? "tag" : "member", attribute: absent.1)
        }

        @inline(__always)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    }
}
