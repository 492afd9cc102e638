/// Parses JSON text (RFC 8259) from UTF-8 bytes into a `JSONValue`.
///
/// A recursive-descent parser over the bytes, with no Foundation: full grammar,
/// escapes including `\uXXXX` surrogate pairs, exponents, an optional leading byte order
/// mark, and nesting limited to `JSONScanner.maximumDepth` (512) levels. Every syntax
/// error is a `ZonegriseError.malformed` naming the file, the 1-based line and what was
/// expected ("expected ',' or '}' after an object member, found 'x'").
///
/// For GeoJSON use `GeoJSONReader`, which reads coordinates straight into typed arrays.
package enum JSONParser {
    /// Parses `bytes`, which must hold exactly one JSON value (surrounding whitespace allowed).
    /// - Parameters:
    ///   - bytes: UTF-8 text; invalid UTF-8 inside strings becomes U+FFFD.
    ///   - file: the name used in error messages.
    /// - Complexity: O(n) time in the length of `bytes`; O(depth) stack.
    package static func parse(_ bytes: [UInt8], file: String) throws -> JSONValue {
        try JSONScanner.scan(bytes, file: file) { scanner in
            scanner.skipWhitespace()
            if scanner.isAtEnd { throw scanner.malformed("the file is empty: expected a JSON value") }
            let value = try scanner.parseValue()
            try scanner.expectEnd()
            return value
        }
    }
}
