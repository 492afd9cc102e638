import ZonegriseCore
import ZonegriseNative

/// `resultats.gpkg` of `compare` and `recommend`: the comparison as one OGC GeoPackage in
/// Lambert-93 (EPSG:2154), written through GDAL's GPKG driver like that of `analyse`
/// (docs/OUTPUTS.md, docs/SCENARIOS.md).
///
/// Layers, in this order: `comparaison` (one feature per scenario and analysed commune,
/// the columns of `comparaison.geojson`, the commune polygon), `sites` (the sites each
/// scenario adds, moves or stops at, with the columns of `sites.csv`), `poles` (the base
/// poles) and one point layer per service layer with its base sites. Byte-identical
/// across runs.
/// - Complexity: O(scenarios × communes × columns + scenarios × vertices).
public struct ComparisonGeoPackageOutput: OutputWriter {
    public init() {}

    public var group: OutputGroup { .geopackage }

    public func files(for outputs: AnalysisOutputs) throws -> [OutputFile] {
        let layers = Self.layers(outputs)
        let bytes: [UInt8]
        do { bytes = try GeoPackageBuilder.bytes(layers: layers) } catch {
            throw ZonegriseError.unwritable(file: GeoPackageOutput.fileName, reason: NativeError.reason(of: error))
        }
        return [OutputFile(name: GeoPackageOutput.fileName, bytes: bytes)]
    }

    /// The layers, in file order.
    static func layers(_ outputs: AnalysisOutputs) -> [VectorLayerData] {
        var layers = [outputs.comparisonLayer(), outputs.scenarioSitesLayer(), outputs.polesLayer()]
        let reserved = Set(layers.map(\.name))
        for layer in outputs.result.layers {
            layers.append(outputs.siteLayer(layer, name: reserved.contains(layer.name) ? "services_" + layer.name : layer.name))
        }
        return layers
    }
}

extension ComparisonGeoPackageOutput: StagingOutputWriter {
    func stage(for outputs: AnalysisOutputs, complete: Task<AnalysisOutputs, any Error>, into transaction: OutputTransaction) async throws -> [String] {
        try await GeoPackageOutput.stage(Self.layers(complete.value), into: transaction)
    }
}

extension AnalysisOutputs {
    /// `comparaison`: the properties of `comparaison.geojson`, typed (times real,
    /// statuses boolean), with the commune polygons in Lambert-93.
    func comparisonLayer() -> VectorLayerData {
        var names: [String] = []
        var kinds: [VectorField.Kind?] = []
        var features: [VectorFeature] = []
        for outcome in comparisons {
            let subjects = subjects(outcome)
            for (i, commune) in result.communes.enumerated() {
                let row = Self.vectorValues(comparisonProperties(outcome, subjects: subjects, commune: i))
                if names.isEmpty {
                    names = row.map(\.0)
                    kinds = Array(repeating: nil, count: row.count)
                }
                for (column, value) in row.enumerated() {
                    if let kind = Self.fieldKind(of: value.1), kinds[column] == nil || (kinds[column] == .integer && kind == .real) {
                        kinds[column] = kind
                    }
                }
                features.append(VectorFeature(values: row.map(\.1), geometry: territory.shapes[commune.code].map { .multiPolygon($0) }))
            }
        }
        if names.isEmpty { names = ["scenario", "code", "nom", "population"] }
        let fields = zip(names, kinds + Array(repeating: nil, count: max(0, names.count - kinds.count))).map { name, kind in
            VectorField(name, kind ?? (name.hasPrefix("temps_") || name.hasPrefix("delta_") ? .real : .string))
        }
        return VectorLayerData(name: "comparaison", geometryKind: .multiPolygon, fields: fields, features: features)
    }

    /// `sites`: one point per site of each scenario, the rows of `sites.csv`.
    func scenarioSitesLayer() -> VectorLayerData {
        let fields = [VectorField("scenario", .string), VectorField("couche", .string), VectorField("id", .string), VectorField("nom", .string),
                      VectorField("commune", .string), VectorField("type", .string), VectorField("gain_marginal_population", .integer),
                      VectorField("gain_seul_population", .integer), VectorField("jours", .string)]
        var features: [VectorFeature] = []
        for outcome in comparisons {
            for gain in outcome.siteGains {
                features.append(VectorFeature(
                    values: [.string(outcome.scenario.name), .string(gain.layer), .string(gain.site.id), .string(gain.site.name),
                             .string(gain.site.communeCode), .string(gain.kind.rawValue), .integer(gain.marginalPopulation),
                             .integer(gain.alonePopulation), gain.days.isEmpty ? .null : .string(gain.days.joined(separator: " "))],
                    geometry: .point(gain.site.point)))
            }
        }
        return VectorLayerData(name: "sites", geometryKind: .point, fields: fields, features: features)
    }
}
