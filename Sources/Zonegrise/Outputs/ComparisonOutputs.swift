import ZonegriseCore
import ZonegriseNative

/// The row schema of the comparison files of `zonegrise compare` (docs/SCENARIOS.md):
/// before is the base (`AnalysisOutputs.result`), after each scenario.
extension AnalysisOutputs {
    /// The gammes then the layers: name, threshold, and the access arrays before and after.
    func subjects(_ outcome: ScenarioOutcome) -> [(name: String, isGamme: Bool, before: [Access], after: [Access])] {
        Gamme.allCases.map { ($0.rawValue, true, result.access[$0]!, outcome.result.access[$0]!) }
            + result.layers.indices.map { (result.layers[$0].name, false, result.layerAccess[$0], outcome.result.layerAccess[$0]) }
    }

    static let comparisonHeader = ["communes_avant", "population_avant", "part_population_avant_pct",
                                   "communes_apres", "population_apres", "part_population_apres_pct",
                                   "difference_communes", "difference_population"]

    func comparisonFields(_ before: ZoneGriseSummary, _ after: ZoneGriseSummary) -> [String] {
        [String(before.communes), String(before.population), DecimalText.format(before.populationSharePercent, decimals: Self.shareDecimals),
         String(after.communes), String(after.population), DecimalText.format(after.populationSharePercent, decimals: Self.shareDecimals),
         String(after.communes - before.communes), String(after.population - before.population)]
    }

    /// `comparaison.csv`: per scenario and gamme or layer, beyond the threshold before and after.
    func comparisonCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["scenario", "gamme", "seuil_minutes"] + Self.comparisonHeader + ["source_gammes"])
        for outcome in comparisons {
            for (before, after) in zip(result.summaries, outcome.result.summaries) {
                writer.addRow([outcome.scenario.name, before.name, BandScheme.text(before.thresholdMinutes)]
                    + comparisonFields(before, after) + [gammesSource])
            }
        }
        return writer.bytes()
    }

    /// `comparaison_par_subdivision.csv`: the same per subdivision.
    func comparisonSubdivisionsCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["scenario", "subdivision", "code", "nom", "gamme", "seuil_minutes"] + Self.comparisonHeader
            + ["communes_total", "population_totale", "source_gammes"])
        for outcome in comparisons {
            for (before, after) in zip(result.subdivisionSummaries, outcome.result.subdivisionSummaries) {
                writer.addRow([outcome.scenario.name, before.scheme, before.code, before.nom, before.summary.name,
                               BandScheme.text(before.summary.thresholdMinutes)]
                    + comparisonFields(before.summary, after.summary)
                    + [String(before.summary.totalCommunes), String(before.summary.totalPopulation), gammesSource])
            }
        }
        return writer.bytes()
    }

    /// `transitions.csv`: communes whose band or zone-grise status changes.
    func transitionsCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["scenario", "code", "nom", "population", "gamme", "temps_avant", "temps_apres",
                                        "bande_avant", "bande_apres", "au_dela_avant", "au_dela_apres", "cible_avant", "cible_apres"])
        let bands = result.parameters.bands
        for outcome in comparisons {
            for subject in subjects(outcome) {
                for (i, commune) in result.communes.enumerated() {
                    let (before, after) = (subject.before[i], subject.after[i])
                    guard before.band != after.band || before.isBeyond != after.isBeyond else { continue }
                    writer.addRow([outcome.scenario.name, commune.code, commune.nom, String(commune.population), subject.name,
                                   before.minutes.map { DecimalText.format($0, decimals: Self.timeDecimals) } ?? "",
                                   after.minutes.map { DecimalText.format($0, decimals: Self.timeDecimals) } ?? "",
                                   bands.label(before.band), bands.label(after.band),
                                   before.isBeyond ? "true" : "false", after.isBeyond ? "true" : "false",
                                   before.target ?? "", after.target ?? ""])
                }
            }
        }
        return writer.bytes()
    }

    /// `sites.csv`: each site added, moved or calling as an itinerant stop, with its gains.
    func sitesCSV() -> [UInt8] {
        var writer = CSVWriter(header: ["scenario", "couche", "id", "nom", "commune", "type", "gain_marginal_population", "gain_seul_population", "jours"])
        for outcome in comparisons {
            for gain in outcome.siteGains {
                writer.addRow([outcome.scenario.name, gain.layer, gain.site.id, gain.site.name, gain.site.communeCode, gain.kind.rawValue,
                               String(gain.marginalPopulation), String(gain.alonePopulation), gain.days.joined(separator: " ")])
            }
        }
        return writer.bytes()
    }

    /// `comparaison.geojson`: one feature per scenario and analysed commune, with the
    /// times and statuses before and after and their differences.
    func comparisonGeoJSON() async throws -> [UInt8] {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        var shapes: [MultiPolygon] = []
        shapes.reserveCapacity(result.communes.count)
        for commune in result.communes { shapes.append(try territory.wgs84Shape(of: commune.code, using: toWGS84)) }
        var writer = GeoJSONWriter(metadata: metadata)
        for outcome in comparisons {
            let subjects = subjects(outcome)
            for i in result.communes.indices {
                writer.addFeature(properties: comparisonProperties(outcome, subjects: subjects, commune: i), shape: shapes[i])
            }
        }
        return writer.bytes()
    }
}

extension AnalysisOutputs {
    /// The properties of one scenario × commune feature of `comparaison.geojson` and of
    /// the `comparaison` layer of `resultats.gpkg`: times and statuses before and after,
    /// and their differences.
    func comparisonProperties(_ outcome: ScenarioOutcome, subjects: [(name: String, isGamme: Bool, before: [Access], after: [Access])],
                              commune i: Int) -> [(String, JSONOutput)] {
        let commune = result.communes[i]
        var props: [(String, JSONOutput)] = [("scenario", .string(outcome.scenario.name)), ("code", .string(commune.code)),
                                             ("nom", .string(commune.nom)), ("population", .int(commune.population))]
        for (s, subject) in subjects.enumerated() {
            let (before, after) = (subject.before[i], subject.after[i])
            let status = subject.isGamme ? "zone_grise_" : "hors_seuil_"
            let delta = before.minutes.flatMap { b in after.minutes.map { ZoneGriseAnalysis.roundedMinutes($0 - b) } }
            props += [
                ("temps_\(subject.name)_avant", .optionalNumber(before.minutes, decimals: Self.timeDecimals)),
                ("temps_\(subject.name)_apres", .optionalNumber(after.minutes, decimals: Self.timeDecimals)),
                ("delta_\(subject.name)", .optionalNumber(delta, decimals: Self.timeDecimals)),
                ("\(status)\(subject.name)_avant", .bool(before.isBeyond)),
                ("\(status)\(subject.name)_apres", .bool(after.isBeyond)),
            ]
            if !subject.isGamme {
                let layer = s - Gamme.allCases.count
                props.append(("itinerant_seul_\(subject.name)", .bool(outcome.itinerantOnly[layer][i])))
            }
        }
        return props
    }
}

/// `comparaison.csv`.
public struct ComparisonCSVOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "comparaison.csv", bytes: outputs.comparisonCSV())]
    }
}

/// `comparaison_par_subdivision.csv`, when subdivisions were given.
public struct ComparisonSubdivisionsCSVOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        outputs.result.subdivisionSummaries.isEmpty ? []
            : [OutputFile(name: "comparaison_par_subdivision.csv", bytes: outputs.comparisonSubdivisionsCSV())]
    }
}

/// `transitions.csv`.
public struct TransitionsCSVOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "transitions.csv", bytes: outputs.transitionsCSV())]
    }
}

/// `sites.csv`.
public struct SitesCSVOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        [OutputFile(name: "sites.csv", bytes: outputs.sitesCSV())]
    }
}

/// `comparaison.geojson`.
public struct ComparisonGeoJSONOutput: OutputWriter {
    public init() {}
    public func files(for outputs: AnalysisOutputs) async throws -> [OutputFile] {
        [OutputFile(name: "comparaison.geojson", bytes: try await outputs.comparisonGeoJSON())]
    }
}
