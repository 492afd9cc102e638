import Foundation
import Yams

/// Reads typed values out of a Yams node tree, naming the file, the line and the key of
/// anything wrong in one sentence. Shared by the territory manifest (`Zonegrise`) and
/// the car profile (`ZonegriseOSM`), each with its own error type: `makeError` turns
/// (source `file:line`, key, detail) into it.
package struct YAMLNodeReader<Failure: Error>: Sendable {
    package let file: String
    let makeError: @Sendable (_ source: String, _ key: String, _ detail: String) -> Failure

    package init(file: String, makeError: @escaping @Sendable (_ source: String, _ key: String, _ detail: String) -> Failure) {
        self.file = file
        self.makeError = makeError
    }

    /// "file:line" of `node`, or the file alone when the node has no position.
    package func source(_ node: Node?) -> String { node?.mark.map { "\(file):\($0.line)" } ?? file }

    package func fail(_ node: Node?, _ key: String, _ detail: String) -> Failure {
        makeError(source(node), key, detail)
    }

    /// The entries of a mapping whose keys must be among `allowed`, in file order.
    package func mapping(_ node: Node, _ key: String, allowed: [String]) throws(Failure) -> [(String, Node)] {
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

    package func text(_ node: Node, _ key: String) throws(Failure) -> String {
        guard case let .scalar(scalar) = node else { throw fail(node, key, "expected a single value") }
        return scalar.string
    }

    /// A finite number.
    package func number(_ node: Node, _ key: String) throws(Failure) -> Double {
        let value = try text(node, key)
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            throw fail(node, key, "\"\(value)\" is not a number")
        }
        return number
    }

    package func bool(_ node: Node, _ key: String) throws(Failure) -> Bool {
        let value = try text(node, key)
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw fail(node, key, "\"\(value)\" is not true or false")
        }
    }

    /// A sequence's items; a single value counts as a list of one.
    package func list(_ node: Node, _ key: String) throws(Failure) -> [Node] {
        switch node {
        case let .sequence(sequence): return Array(sequence)
        case .scalar: return [node]
        default: throw fail(node, key, "expected a list")
        }
    }
}

/// YAML syntax errors in words.
package enum YAMLSyntaxError {
    /// The 1-based line of a YAML syntax error, when Yams gives one.
    package static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        case let .duplicatedKeysInMapping(_, context):
            return context.mark.line
        case let .reader(_, offset?, _, yaml):
            // The offset counts bytes from the start of the text.
            return yaml.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        default:
            return nil
        }
    }

    /// A YAML syntax error in words, on one line, without Yams's position dump or a copy
    /// of the text (the line is given apart, `line(of:)`).
    package static func summary(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case let .reader(problem, _, _, _):
            return problem
        case let .duplicatedKeysInMapping(duplicates, _):
            return "the key\(duplicates.count == 1 ? "" : "s") \(duplicates.sorted().joined(separator: ", ")) appear\(duplicates.count == 1 ? "s" : "") twice in one mapping"
        default:
            return "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown YAML error"
        }
    }
}
