import ZonegriseYAML

/// Reads values out of a car profile's YAML tree: the shared reader, its errors
/// `OSMError.invalidProfileValue` naming the file, the line and the key.
typealias ProfileYAMLReader = YAMLNodeReader<OSMError>

extension YAMLNodeReader where Failure == OSMError {
    init(profile file: String) {
        self.init(file: file) { .invalidProfileValue(source: $0, key: $1, detail: $2) }
    }
}
