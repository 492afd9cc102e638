import Foundation
import ZonegriseCore
import ZonegriseNative

/// `manifest.json`: every input with its SHA-256 and vintage, every parameter used, the
/// time model, the tool version, the warnings. No clock time, no host name: two runs on
/// the same inputs write the same bytes.
struct RunManifest {
    let configuration: AnalysisConfiguration
    let territory: LoadedTerritory
    let result: AnalysisResult
    let model: any TravelTimeModel
    let warnings: [String]
    let outputs: [String]
    /// SHA-256 and size of every input file (`InputDigests`), each file hashed once.
    let digests: [String: InputDigests.Digest]
    /// The sensitivity variants run (`analyse --sensitivite`); nil when none were.
    var sensitivity: [SensitivityVariant]? = nil

    /// One sensitivity variant as the manifest records it.
    static func variant(_ variant: SensitivityVariant) -> JSONOutput {
        switch variant {
        case let .timeFactor(factor): return .object([("name", .string(variant.name)), ("time_factor", .number(factor, decimals: 6))])
        case let .poleShare(share): return .object([("name", .string(variant.name)), ("pole_share", .number(share, decimals: 6))])
        }
    }

    func json() throws -> JSONOutput {
        var inputs: [JSONOutput] = []
        for file in territory.files {
            guard let found = digests[file.path] else { preconditionFailure("no digest for \(file.path)") }
            let (digest, size) = (found.sha256, found.bytes)
            var members: [(String, JSONOutput)] = [("role", .string(file.role)), ("path", .string(file.path)), ("sha256", .string(digest)),
                                                   ("bytes", size.map(JSONOutput.int) ?? .null),
                                                   ("vintage", file.vintage.map(JSONOutput.string) ?? .null)]
            // Only for inputs that were not UTF-8, so that the manifests of UTF-8 runs keep their bytes.
            if let encoding = territory.encodings[file.path] { members.append(("encoding", .string(encoding))) }
            inputs.append(.object(members))
        }
        let c = configuration
        let gammes = territory.input.gammes
        var gammeMembers: [(String, JSONOutput)] = [
            ("source", .string(gammes.isDerived ? "derived" : "file")),
            ("derived", .bool(gammes.isDerived)),
        ]
        if let derivation = gammes.derivation { gammeMembers.append(("rule", .string(derivation.rule))) }
        if !gammes.isDerived, let table = c.gammes {
            // The table used: its path (hashed with the inputs) and, for a workbook, where in it.
            gammeMembers.append(("file", .string(table.path)))
            if let sheet = territory.gammeSheet {
                gammeMembers += [("format", .string("xlsx")), ("sheet", .string(sheet.sheet)), ("header_row", .int(sheet.headerRow))]
            } else {
                gammeMembers.append(("format", .string("csv")))
            }
        }
        gammeMembers.append(("types", .object(Gamme.allCases.map { ($0.rawValue, .int(gammes.size(of: $0))) })))
        var parameters: [(String, JSONOutput)] = [
            ("analysis_area", .array(c.analysisArea.map(JSONOutput.string))),
            ("service_area", .array(c.loadedDepartements.map(JSONOutput.string))),
            ("poles", .object([("share", .number(c.poleShare, decimals: 6)), ("hierarchy", .bool(c.poleHierarchy))])),
            ("thresholds_minutes", .object(Gamme.allCases.map { ($0.rawValue, .number(c.thresholdMinutes[$0]!, decimals: 6)) })),
            ("comparison", .string(c.comparison.rawValue)),
            ("bands_minutes", .array(c.bandLimitsMinutes.map { .number($0, decimals: 6) })),
            ("service_layers", .array(c.serviceLayers.map { .object([("name", .string($0.name)), ("label", .string($0.label)),
                                                                     ("threshold_minutes", .number($0.thresholdMinutes, decimals: 6))]) })),
            ("unmatched_rows", .string(c.unmatchedRows.rawValue)),
            ("convention", .object([("name", .string(c.timeModel.convention.rawValue)),
                                    ("peak_hour_factor", .number(c.timeModel.convention.peakHourFactor, decimals: 6)),
                                    ("applied_to", .string(c.timeModel.convention.appliesNote(to: c.timeModel.kind)))])),
            ("outputs", .array(c.outputGroups.map { .string($0.rawValue) })),
            ("sectors", .object([("min_communes", .int(c.sectorMinimum.communes)), ("min_population", .int(c.sectorMinimum.population))])),
            ("fusions", .object(c.communes.fusions.keys.sorted().map { ($0, .string(c.communes.fusions[$0]!)) })),
            ("code_property", .string(c.communes.codeProperty)),
            ("name_property", .string(c.communes.nameProperty)),
            ("times_rounded_to_minutes", .number(0.01, decimals: 2)),
        ]
        // Only with --sensitivite (analyse), so that the manifests of plain runs keep their bytes.
        if let sensitivity {
            parameters.append(("sensitivity", .object([("variants", .array(sensitivity.map(Self.variant)))])))
        }
        let timeModel: [(String, JSONOutput)] = [("kind", .string(model.kind)), ("horizon_minutes", .number(result.horizonMinutes, decimals: 6))]
            + model.parameters.keys.sorted().map { ($0, .string(model.parameters[$0]!)) }
        let population = result.communes.reduce(0) { $0 + $1.population }
        var counts: [(String, JSONOutput)] = territory.counts.map { ($0.0, .int($0.1)) }
        counts.append(("population_analysed", .int(population)))
        for level in PoleLevel.allCases where level != .aucun {
            counts.append(("poles_" + level.rawValue, .int(result.poles.filter { $0.level == level }.count)))
        }
        return .object([
            ("tool", .object([("name", .string("zonegrise")), ("version", .string(ZonegriseVersion.current))])),
            ("name", .string(c.name)),
            ("manifest", c.manifestPath.map(JSONOutput.string) ?? .null),
            ("inputs", .array(inputs)),
            ("parameters", .object(parameters)),
            ("time_model", .object(timeModel)),
            ("gammes", .object(gammeMembers)),
            ("counts", .object(counts)),
            ("warnings", .array(warnings.map(JSONOutput.string))),
            ("outputs", .array(outputs.map(JSONOutput.string))),
        ])
    }
}
