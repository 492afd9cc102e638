import Foundation
import Yams
import ZonegriseCore
import ZonegriseYAML

/// Reads a candidates file (YAML, docs/RECOMMENDATION.md): which communes may host a
/// new site. Unknown keys are errors; every error names the file, the line and the key.
///
/// ```yaml
/// version: 1
/// any_of:                                   # a commune matching one rule is a candidate
///   - {population_max: 1999}
///   - {pole_levels: [superieure], population_max: 9999}
///   - {pole_levels: [intermediaire], population_max: 2999, density_max_per_km2: 60}
/// exclude: ["62041"]                        # never candidates
/// min_distance_km: 5                        # from every existing site of the layer
/// ```
public enum CandidateFilterFile {
    public static func load(path given: String) throws -> CandidateFilter {
        let path = FilePaths.absolute(given)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ZonegriseError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or a folder" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UTF8Validation.notUTF8([UInt8](data), file: path, what: "candidates file")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ZonegriseError.malformed(file: path, line: YAMLSyntaxError.line(of: error), detail: "not valid YAML: \(YAMLSyntaxError.summary(of: error))")
        }
        guard let root else { throw ZonegriseError.malformed(file: path, line: nil, detail: "the candidates file is empty") }
        let values = YAMLNodeReader<ZonegriseError>(file: path) { .invalidParameter(source: $0, key: $1, detail: $2) }
        var filter = CandidateFilter()
        for (key, node) in try values.mapping(root, "", allowed: ["version", "any_of", "exclude", "min_distance_km"]) {
            switch key {
            case "version":
                guard try values.text(node, key) == "1" else { throw values.fail(node, key, "this zonegrise reads candidates files of version 1") }
            case "any_of":
                filter.anyOf = try values.list(node, key).map { try rule($0, values: values) }
            case "exclude":
                filter.excluded = Set(try values.list(node, key).map { try values.text($0, key) })
            default:
                let km = try values.number(node, key)
                guard km >= 0, km * 1000 <= InputLimits.maximumDistanceMetres else {
                    throw values.fail(node, key, "must be a distance from 0 to \(InputLimits.text(InputLimits.maximumDistanceMetres / 1000)) km, got \(BandScheme.text(km))")
                }
                filter.minimumDistanceMetres = km * 1000
            }
        }
        return filter
    }

    static func rule(_ node: Node, values: YAMLNodeReader<ZonegriseError>) throws -> CandidateFilter.Rule {
        var rule = CandidateFilter.Rule()
        let keys = ["population_min", "population_max", "pole_levels", "density_max_per_km2", "communes"]
        for (key, value) in try values.mapping(node, "any_of", allowed: keys) {
            let full = "any_of." + key
            switch key {
            case "population_min", "population_max":
                let number = try values.number(value, full)
                guard number >= 0, number == number.rounded(), number <= Double(InputLimits.maximumPopulation) else {
                    throw values.fail(value, full, "must be a whole number of inhabitants from 0 to \(InputLimits.text(InputLimits.maximumPopulation)), got \(BandScheme.text(number))")
                }
                if key == "population_min" { rule.populationMin = Int(number) } else { rule.populationMax = Int(number) }
            case "pole_levels":
                rule.poleLevels = Set(try values.list(value, full).map { item in
                    let text = try values.text(item, full)
                    guard let level = PoleLevel(rawValue: text) else {
                        throw values.fail(item, full, "\"\(text)\" is not one of \(PoleLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return level
                })
            case "density_max_per_km2":
                let density = try values.number(value, full)
                guard density >= 0, density <= InputLimits.maximumDensityPerSquareKm else {
                    throw values.fail(value, full, "must be inhabitants per km² from 0 to \(InputLimits.text(InputLimits.maximumDensityPerSquareKm)), got \(BandScheme.text(density))")
                }
                rule.densityMaxPerSquareKm = density
            default:
                rule.communes = Set(try values.list(value, full).map { try values.text($0, full) })
            }
        }
        return rule
    }
}
