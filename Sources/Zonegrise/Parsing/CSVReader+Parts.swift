extension CSVReader {
    /// A run of whole records of the body: the records starting in `start ..< end`,
    /// the first on physical line `line`.
    package struct Part: Hashable, Sendable {
        package var start: Int
        package var end: Int
        package var line: Int
    }

    /// The body cut into at most `count` runs of whole records of about equal size, to
    /// be parsed concurrently: each cut is just after a line feed outside any quoted
    /// field. A body with a lone carriage return (old Mac line ends), or smaller than
    /// `minimumBytes`, stays one part.
    /// - Complexity: one pass over the body's bytes.
    package func parts(_ count: Int, minimumBytes: Int = 1 << 20) -> [Part] {
        let whole = [Part(start: bodyStart, end: bytes.count, line: bodyLine)]
        guard count > 1, bytes.count - bodyStart >= minimumBytes else { return whole }
        return bytes.withUnsafeBufferPointer { buffer -> [Part] in
            var starts = [(position: bodyStart, line: bodyLine)]
            var line = bodyLine, quoted = false
            var next = bodyStart + (buffer.count - bodyStart) / count
            for position in bodyStart ..< buffer.count {
                switch buffer[position] {
                case UInt8(ascii: "\""):
                    quoted.toggle()
                case UInt8(ascii: "\r"):
                    if position + 1 == buffer.count || buffer[position + 1] != UInt8(ascii: "\n") { return whole }
                case UInt8(ascii: "\n"):
                    line += 1
                    if !quoted, position + 1 >= next, starts.count < count, position + 1 < buffer.count {
                        starts.append((position + 1, line))
                        next = position + 1 + (buffer.count - position - 1) / (count - starts.count + 1)
                    }
                default:
                    break
                }
            }
            return starts.indices.map { i in
                Part(start: starts[i].position, end: i + 1 < starts.count ? starts[i + 1].position : buffer.count, line: starts[i].line)
            }
        }
    }

    /// `forEachRecord` over one part of the body.
    package func forEachRecord(in part: Part, _ body: (borrowing CSVRecord) throws -> Void) throws {
        try forEachRecord(from: part.start, line: part.line, to: part.end, body)
    }
}
