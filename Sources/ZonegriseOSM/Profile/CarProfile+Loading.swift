import Foundation
import Yams
import ZonegriseYAML

extension CarProfile {
    /// Reads a car profile file (YAML, the format of `profiles/car.yaml`).
    /// - Throws: `OSMError` naming the file, and the line and key of a bad value.
    public static func load(path: String) throws -> CarProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OSMError.unreadable(
                file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or a folder" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OSMError.malformed(file: path, line: nil, detail: "the profile is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Reads a car profile from YAML `text`; `path` names it in messages. Every key is
    /// required except the comments' optional ones (none today): a profile states all its
    /// values, so that reading one never depends on this code's defaults.
    /// - Throws: `OSMError.malformed` (not YAML) or `.invalidProfileValue` with
    ///   "file:line" and the key (unknown key, missing key, bad value).
    public static func parse(_ text: String, path: String) throws -> CarProfile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw OSMError.malformed(
                file: path, line: YAMLSyntaxError.line(of: error), detail: "not valid YAML: \(YAMLSyntaxError.summary(of: error))")
        }
        guard let root, case .mapping = root else {
            throw OSMError.malformed(file: path, line: root?.mark?.line, detail: "a car profile must be a YAML mapping of keys (see profiles/car.yaml)")
        }
        return try CarProfileReader(reader: ProfileYAMLReader(profile: path)).read(root)
    }
}
