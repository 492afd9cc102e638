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
            for i in 0 ..< count {
                if let missing = scanner.feed(buffer[i]) {
                    throw .osm(path: path, message: "line \(missing.line): a <\(missing.element)> element without its \(missing.attribute) attribute; OSM XML \(missing.element) elements need \(required[missing.element]!.joined(separator: ", ")) (fix or re-export the file, e.g. with osmium cat)")
                }
            }
        }
    }

    struct Missing {
        var line: Int
        var element: String
        var attribute: String
    }

    /// The state machine over the bytes.
    struct Scanner {
        enum State {
            case text
            case elementName
            case attributes
            case attributeName
            case quoted(UInt8)
            case skipping
        }

        var state = State.text
        var line = 1
        var name: [UInt8] = []
        var attribute: [UInt8] = []
        var seen: Set<String> = []
        var elementLine = 1
        /// The last two bytes of a skipped construct, how many were skipped, and whether
        /// it is a comment (`<!--`, which ends at `-->` and may hold `>`).
        var tail: (UInt8, UInt8) = (0, 0)
        var skipped = 0
        var isComment = false

        mutating func feed(_ byte: UInt8) -> Missing? {
            if byte == 0x0A { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .elementName
                    name.removeAll(keepingCapacity: true)
                    elementLine = line
                }
            case .elementName:
                if name.isEmpty, byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "/") {
                    state = .skipping
                    tail = (0, byte)
                    skipped = 0
                    isComment = false
                } else if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                    seen.removeAll(keepingCapacity: true)
                    state = .attributes
                    return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") ? endOfElement(byte) : nil
                } else {
                    name.append(byte)
                }
            case .attributes:
                if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                    return endOfElement(byte)
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .quoted(byte)
                } else if !isSpace(byte) && byte != UInt8(ascii: "=") {
                    attribute = [byte]
                    state = .attributeName
                }
            case .attributeName:
                if byte == UInt8(ascii: "=") || isSpace(byte) {
                    seen.insert(String(decoding: attribute, as: UTF8.self))
                    state = .attributes
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                    return endOfElement(byte)
                } else {
                    attribute.append(byte)
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
            let element = String(decoding: name, as: UTF8.self)
            name.removeAll(keepingCapacity: true)
            guard let needed = required[element] else { return nil }
            if let absent = needed.first(where: { !seen.contains($0) }) {
                return Missing(line: elementLine, element: element, attribute: absent)
            }
            seen.removeAll(keepingCapacity: true)
            return nil
        }

        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    }
}
