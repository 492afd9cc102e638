import Testing
@testable import Zonegrise

@Suite("JSONParser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "t.json")
    }

    private func error(_ text: String) -> String {
        parsingErrorDescription { _ = try parse(text) }
    }

    @Test func scalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("\n\tfalse\r\n") == .bool(false))
        #expect(try parse("0") == .number(0))
        #expect(try parse("-0").doubleValue?.sign == .minus)
        #expect(try parse("1.5") == .number(1.5))
        #expect(try parse("-1.5e3") == .number(-1500))
        #expect(try parse("1E-2") == .number(0.01))
        #expect(try parse("2e+2") == .number(200))
        #expect(try parse("\"a\"") == .string("a"))
        #expect(try parse("\"\"") == .string(""))
    }

    @Test func numbersAreCorrectlyRounded() throws {
        let cases: [(String, Double)] = [
            ("0.1", 0.1),
            ("2.47298", 2.47298),
            ("50.51908", 50.51908),
            ("-1.5709517598152148", -1.5709517598152148),
            ("0.30000000000000004", 0.30000000000000004),
            ("9007199254740993", 9_007_199_254_740_992),  // tie, to even
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("2.2250738585072014e-308", 2.2250738585072014e-308),
            ("5e-324", Double.leastNonzeroMagnitude),
            ("1e-400", 0),
            ("1.7976931348623157e308", 1.7976931348623157e308),
            ("0.000000000000000000000000000001", 1e-30),
            ("100000000000000000000000", 1e23),
        ]
        for (text, expected) in cases {
            #expect(try parse(text) == .number(expected), "\(text)")
        }
        #expect(try parse("1e400") == .number(.infinity))
    }

    @Test func nestedValues() throws {
        let value = try parse(#"{"a": [1, {"b": null}, []], "c": "d", "e": {}}"#)
        #expect(value == .object([
            "a": .array([.number(1), .object(["b": .null]), .array([])]),
            "c": .string("d"),
            "e": .object([:]),
        ]))
        #expect(value["c"] == .string("d"))
        #expect(value["a"]?.arrayValue?.count == 3)
        #expect(value["missing"] == nil)
    }

    @Test func repeatedKeyKeepsTheLastValue() throws {
        #expect(try parse(#"{"a": 1, "a": 2}"#) == .object(["a": .number(2)]))
    }

    @Test func escapes() throws {
        let value = try parse(#""\"\\\/\b\f\n\r\t\u00e9\u00C9\ud83d\ude00x""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\téÉ😀x"))
        #expect(try parse("\"é😀 raw\"") == .string("é😀 raw"))
        #expect(try parse(#"{"k\u00e9y": "v"}"#) == .object(["kéy": .string("v")]))
    }

    @Test func byteOrderMarkIsIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8), file: "t.json") == .array([.number(1)]))
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        #expect(try JSONParser.parse([0x22, 0x61, 0xE9, 0x22], file: "t.json") == .string("a\u{FFFD}"))
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(ok) }
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(error(deep) == "t.json:1: objects and arrays are nested deeper than 512 levels.")
        let deepObjects = String(repeating: #"{"a":"#, count: 600)
        #expect(error(deepObjects) == "t.json:1: objects and arrays are nested deeper than 512 levels.")
    }

    @Test(arguments: [
        ("", "t.json:1: the file is empty: expected a JSON value."),
        ("  \n ", "t.json:2: the file is empty: expected a JSON value."),
        (#"{"a":1 x}"#, "t.json:1: expected ',' or '}' after an object member, found 'x'."),
        (#"{"a":1,}"#, "t.json:1: expected a string key after ',' in an object, found '}'."),
        ("{1:2}", "t.json:1: expected a string key or '}' in an object, found '1'."),
        (#"{"a" 1}"#, "t.json:1: expected ':' after the object key \"a\", found '1'."),
        ("{", "t.json:1: expected a string key or '}' in an object, found end of file."),
        ("[1 2]", "t.json:1: expected ',' or ']' after an array element, found '2'."),
        ("[1,]", "t.json:1: expected a JSON value, found ']'."),
        ("[", "t.json:1: expected a JSON value, found end of file."),
        ("\"abc", "t.json:1: unexpected end of file inside a string."),
        ("\"abc\\", "t.json:1: unexpected end of file inside a string."),
        ("\"\\u12", "t.json:1: unexpected end of file inside a string."),
        (#""a\x""#, "t.json:1: invalid escape '\\' followed by 'x' inside a string."),
        (#""\u12G4""#, "t.json:1: expected 4 hexadecimal digits after \\u, found 'G'."),
        (#""\ud800""#, "t.json:1: unpaired UTF-16 surrogate \\uD800 inside a string."),
        (#""\ud800\u0041""#, "t.json:1: unpaired UTF-16 surrogate \\uD800 inside a string."),
        (#""\udc00""#, "t.json:1: unpaired UTF-16 surrogate \\uDC00 inside a string."),
        ("\"a\nb\"", "t.json:1: unescaped line break (U+000A) inside a string."),
        ("\"a\tb\"", "t.json:1: unescaped tab (U+0009) inside a string."),
        ("-", "t.json:1: expected a digit after '-', found end of file."),
        ("-a", "t.json:1: expected a digit after '-', found 'a'."),
        ("1.", "t.json:1: expected a digit after the decimal point, found end of file."),
        ("1.e5", "t.json:1: expected a digit after the decimal point, found 'e'."),
        ("1e", "t.json:1: expected a digit in the exponent of a number, found end of file."),
        ("1e+x", "t.json:1: expected a digit in the exponent of a number, found 'x'."),
        ("01", "t.json:1: unexpected '1' after the end of the JSON value."),
        ("tru", "t.json:1: invalid literal starting with 't', expected true."),
        ("nul", "t.json:1: invalid literal starting with 'n', expected null."),
        ("falsy", "t.json:1: invalid literal starting with 'f', expected false."),
        ("[1] 2", "t.json:1: unexpected '2' after the end of the JSON value."),
        ("\n\n  @", "t.json:3: expected a JSON value, found '@'."),
        ("é", "t.json:1: expected a JSON value, found 'é'."),
        ("\u{7}", "t.json:1: expected a JSON value, found byte 0x07."),
        ("+1", "t.json:1: expected a JSON value, found '+'."),
        ("[\n1,\n2\n3]", "t.json:4: expected ',' or ']' after an array element, found '3'."),
    ])
    func errors(input: String, expected: String) {
        #expect(error(input) == expected)
    }

    @Test func propertyText() {
        #expect(JSONValue.string("62041").propertyText == "62041")
        #expect(JSONValue.number(62041).propertyText == "62041")
        #expect(JSONValue.number(-3).propertyText == "-3")
        #expect(JSONValue.number(-0.0).propertyText == "0")
        #expect(JSONValue.number(46.105747).propertyText == "46.105747")
        #expect(JSONValue.number(1e20).propertyText == "1e+20")
        #expect(JSONValue.bool(true).propertyText == "true")
        #expect(JSONValue.null.propertyText == nil)
        #expect(JSONValue.array([.number(1), .string("a")]).propertyText == #"[1,"a"]"#)
    }

    @Test func helpers() {
        let value = JSONValue.object(["b": .number(2.5), "a": .array([.null, .bool(false)]), "s": .string("q\"\n")])
        #expect(value.description == #"{"a":[null,false],"b":2.5,"s":"q\"\n"}"#)
        #expect(value["b"]?.doubleValue == 2.5)
        #expect(value["b"]?.intValue == nil)
        #expect(JSONValue.number(7).intValue == 7)
        #expect(value["s"]?.stringValue == "q\"\n")
        #expect(value["a"]?.arrayValue?.first?.isNull == true)
        #expect(value["a"]?.arrayValue?.last?.boolValue == false)
        #expect(value.objectValue?.count == 3)
        #expect(JSONValue.string("x")["a"] == nil)
        #expect(JSONValue.number(1).stringValue == nil)
    }
}
