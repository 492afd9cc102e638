import Foundation
import Yams

/// Reads values out of a car profile's YAML tree, naming the file, the line and the key
/// of anything wrong as `OSMError.invalidProfileValue`.
///
/// The same checks and sentences as the territory manifest's reader in `Zonegrise`
/// (which this module cannot see: it sits below it), limited to what a profile uses.
struct ProfileYAMLReader {
    let file: String

    /// "file:line" of `node`, or the file alone when the node has no position.
    func source(_ node: Node?) -> String { node?.mark.map { "\(file):\($0.line)" } ?? file }

    func fail(_ node: Node?, _ key: String, _ detail: String) -> OSMError {
        .invalidProfileValue(source: source(node), key: key, detail: detail)
    }

    /// The entries of a mapping whose keys must be among `allowed`, in file order.
    func mapping(_ node: Node, _ key: String, allowed: [String]) throws -> [(String, Node)] {
        guard case let .mapping(mapping) = node else { throw fail(node, key, "expected a mapping of keys") }
        var result: [(String, Node)] = []
        for (k, v) in mapping {
            guard let name = k.string else { throw fail(k, key, "keys must be text") }
            let full = key.isEmpty ? name : key + "." + name
            guard allowed.contains(name) else {
                throw fail(k, full, "unknown key (allowed here: \(allowed.joined(separator: ", ")))")
            }
            result.append((name, v))
        }
        return result
    }

    func text(_ node: Node, _ key: String) throws -> String {
        guard case let .scalar(scalar) = node else { throw fail(node, key, "expected a single value") }
        return scalar.string
    }

    func number(_ node: Node, _ key: String) throws -> Double {
        let value = try text(node, key)
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            throw fail(node, key, "\"\(value)\" is not a number")
        }
        return number
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        let value = try text(node, key)
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw fail(node, key, "\"\(value)\" is not true or false")
        }
    }

    /// A sequence's items; a single value counts as a list of one.
    func list(_ node: Node, _ key: String) throws -> [Node] {
        switch node {
        case let .sequence(sequence): return Array(sequence)
        case .scalar: return [node]
        default: throw fail(node, key, "expected a list")
        }
    }

    /// The 1-based line of a YAML syntax error, when Yams gives one.
    static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    /// A YAML syntax error in words, without Yams's position dump.
    static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        default:
            return "\(error)"
        }
    }
}
