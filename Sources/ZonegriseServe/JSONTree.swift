import Foundation

/// Any JSON value, as a request body decodes to before it is checked: the what-if
/// changes are turned into a scenario's YAML text (`ScenarioYAML`) and checked there,
/// by the scenario reader, so that unknown keys and wrong types are reported as a
/// scenario file's would be.
indirect enum JSONTree: Decodable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    /// Keys sorted (JSON objects are unordered).
    case object([(String, JSONTree)])

    static func == (a: JSONTree, b: JSONTree) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(String(describing: self)) }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var entries: [(String, JSONTree)] = []
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                entries.append((key.stringValue, try keyed.decode(JSONTree.self, forKey: key)))
            }
            self = .object(entries)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONTree] = []
            while !list.isAtEnd { items.append(try list.decode(JSONTree.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let value = try? single.decode(Bool.self) { self = .bool(value) }
        else if let value = try? single.decode(Double.self) { self = .number(value) }
        else { self = .string(try single.decode(String.self)) }
    }

    /// Decodes a request body.
    /// - Throws: `WhatIfError` (400) when the body is not JSON.
    static func parse(_ bytes: [UInt8]) throws(WhatIfError) -> JSONTree {
        do {
            return try JSONDecoder().decode(JSONTree.self, from: Data(bytes))
        } catch {
            throw WhatIfError("the request body is not valid JSON (an object of changes is expected, see docs/SERVE.md)")
        }
    }

    /// The entry `key` of an object, nil otherwise.
    subscript(key: String) -> JSONTree? {
        guard case let .object(entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }
}
