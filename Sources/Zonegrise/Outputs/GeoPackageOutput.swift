import ZonegriseCore
import ZonegriseNative

/// `resultats.gpkg`: the run's results as one OGC GeoPackage in Lambert-93 (EPSG:2154),
/// for QGIS or any GIS, written through GDAL's GPKG driver (docs/OUTPUTS.md).
///
/// Layers, in this order: `communes` (every column of `communes.csv`, the commune
/// polygons), `poles` (points), `secteurs`, `bandes_<gamme>` per gamme, then one point
/// layer per service layer with its sites. Empty layers are still created, with their
/// schema. Byte-identical across runs (`GeoPackageBuilder`).
/// - Complexity: O(communes × columns + vertices); see `GeoPackageBuilder` for times.
public struct GeoPackageOutput: OutputWriter {
    public static let fileName = "resultats.gpkg"

    public init() {}

    public func files(for outputs: AnalysisOutputs) throws -> [OutputFile] {
        let layers = outputs.geoPackageLayers()
        let bytes: [UInt8]
        do { bytes = try GeoPackageBuilder.bytes(layers: layers) } catch {
            throw ZonegriseError.unwritable(file: Self.fileName, reason: NativeError.reason(of: error))
        }
        return [OutputFile(name: Self.fileName, bytes: bytes)]
    }

    public var group: OutputGroup { .geopackage }
}

extension GeoPackageOutput: StagingOutputWriter {
    /// GDAL writes the `communes` and `poles` layers, which need no polygon, while the
    /// polygons are still being dissolved, then the others from `complete`: on France the
    /// GeoPackage (about 1.3 s on one thread) would otherwise be the run's last output
    /// by about half a second.
    func stage(for outputs: AnalysisOutputs, complete: Task<AnalysisOutputs, any Error>, into transaction: OutputTransaction) async throws -> [String] {
        try await GeoPackageOutput.stage(outputs.pointAndCommuneLayers(), then: { try await complete.value.polygonAndSiteLayers() }, into: transaction)
    }

    /// GDAL writes `layers`, then those `then` gives (awaited on GDAL's thread), at the
    /// staging path on a Dispatch thread (it holds its thread about a second on France),
    /// and the file is synced. What `then` throws is thrown, the file left unstaged.
    static func stage(_ layers: [VectorLayerData], then rest: (@Sendable () async throws -> [VectorLayerData])? = nil,
                      into transaction: OutputTransaction) async throws -> [String] {
        try await Concurrency.blocking {
            try transaction.write(fileName) { path in
                var batches: [() throws -> [VectorLayerData]] = [{ layers }]
                if let rest { batches.append { try Concurrency.waiting(for: rest) } }
                var failure: (any Error)?
                do {
                    try GeoPackageBuilder.write(toFile: path) { () -> [VectorLayerData]? in
                        guard failure == nil, !batches.isEmpty else { return nil }
                        do { return try batches.removeFirst()() } catch {
                            failure = error
                            return nil
                        }
                    }
                } catch {
                    throw ZonegriseError.unwritable(file: fileName, reason: NativeError.reason(of: error))
                }
                if let failure { throw failure }
            }
        }
        return [fileName]
    }
}

extension AnalysisOutputs {
    /// The layers of `resultats.gpkg`, in file order.
    func geoPackageLayers() -> [VectorLayerData] {
        pointAndCommuneLayers() + polygonAndSiteLayers()
    }

    /// The first layers, `communes` and `poles`: they need the sectors' numbers only.
    func pointAndCommuneLayers() -> [VectorLayerData] {
        [communesLayer(), polesLayer()]
    }

    /// The layers after `poles`: `secteurs`, `bandes_<gamme>`, then the service layers.
    func polygonAndSiteLayers() -> [VectorLayerData] {
        var layers = [sectorsLayer()]
        for gamme in Gamme.allCases { layers.append(bandsLayer(gamme)) }
        let reserved = Set(["communes", "poles"] + layers.map(\.name))
        for layer in result.layers {
            layers.append(siteLayer(layer, name: reserved.contains(layer.name) ? "services_" + layer.name : layer.name))
        }
        return layers
    }

    /// Every column of `communes.csv`, with its type: integers, reals (times, rounded as
    /// written in the CSV), booleans, text. A column null in every row is typed by its
    /// name (`temps_*` real), else text.
    func communesLayer() -> VectorLayerData {
        let names = result.communes.isEmpty ? columnNamesWithoutCommunes() : vectorProperties(0).map(\.0)
        var kinds = [VectorField.Kind?](repeating: nil, count: names.count)
        var features: [VectorFeature] = []
        features.reserveCapacity(result.communes.count)
        for (i, commune) in result.communes.enumerated() {
            let row = vectorProperties(i)
            var values: [VectorValue] = []
            values.reserveCapacity(row.count)
            for column in row.indices {
                let value = row[column].1
                values.append(value)
                // An integer column with one real value is a real column.
                if let kind = Self.fieldKind(of: value), kinds[column] == nil || (kinds[column] == .integer && kind == .real) {
                    kinds[column] = kind
                }
            }
            features.append(VectorFeature(values: values, geometry: territory.shapes[commune.code].map { .multiPolygon($0) }))
        }
        var fields: [VectorField] = []
        for (name, kind) in zip(names, kinds) { fields.append(VectorField(name, kind ?? (name.hasPrefix("temps_") ? .real : .string))) }
        return VectorLayerData(name: "communes", geometryKind: .multiPolygon, fields: fields, features: features)
    }

    /// The column names when there is no commune (the layer still gets its schema).
    private func columnNamesWithoutCommunes() -> [String] {
        var names = ["code", "nom", "population", "niveau_pole"]
        for gamme in Gamme.allCases { names += ["temps_", "pole_", "bande_", "zone_grise_"].map { $0 + gamme.rawValue } }
        names += ["nb_gammes_grises", "code_enjeux", "source_gammes"]
        for layer in result.layers { names += ["temps_", "site_", "hors_seuil_"].map { $0 + layer.name } }
        return names
    }

    /// As `poles.geojson`, in Lambert-93.
    func polesLayer() -> VectorLayerData {
        let fields = [VectorField("code", .string), VectorField("nom", .string), VectorField("niveau_pole", .string),
                      VectorField("gammes", .string), VectorField("zone_analyse", .boolean)]
        let features = result.poles.map { pole in
            VectorFeature(values: [.string(pole.code), .string(pole.nom), .string(pole.level.rawValue),
                                   .string(pole.servedGammes.map(\.rawValue).joined(separator: ",")), .boolean(pole.inAnalysisArea)],
                          geometry: .point(pole.centre))
        }
        return VectorLayerData(name: "poles", geometryKind: .point, fields: fields, features: features)
    }

    /// One feature per sector of `polygons.allSectors` (kept ones, then the small ones),
    /// with the columns of `secteurs.csv`.
    func sectorsLayer() -> VectorLayerData {
        let empty = Sector(number: 0, communeIndices: [], population: 0, lackingGammes: [], code: "", nearestPoles: [:], subdivisions: [],
                           shape: MultiPolygon(polygons: []), isBelowMinimum: false)
        let kinds: [String: VectorField.Kind] = ["petit_secteur": .boolean, "communes": .integer, "population": .integer]
        let fields = sectorProperties(empty).map { VectorField($0.0, kinds[$0.0] ?? .string) }
        let features = polygons.allSectors.map { sector in
            VectorFeature(values: Self.vectorValues(sectorProperties(sector)).map(\.1), geometry: .multiPolygon(sector.shape))
        }
        return VectorLayerData(name: "secteurs", geometryKind: .multiPolygon, fields: fields, features: features)
    }

    /// `bandes_<gamme>`: one feature per band holding analysed communes, in band order.
    func bandsLayer(_ gamme: Gamme) -> VectorLayerData {
        let fields = [VectorField("gamme", .string), VectorField("bande", .string), VectorField("rang", .integer),
                      VectorField("communes", .integer), VectorField("population", .integer)]
        let features = (polygons.bands[gamme] ?? []).map { band in
            VectorFeature(values: [.string(band.gamme.rawValue), .string(band.label), .integer(band.band),
                                   .integer(band.communes), .integer(band.population)],
                          geometry: .multiPolygon(band.shape))
        }
        return VectorLayerData(name: "bandes_" + gamme.rawValue, geometryKind: .multiPolygon, fields: fields, features: features)
    }

    /// The sites of one service layer as read (Lambert-93), in the layer's order.
    func siteLayer(_ layer: ServiceLayer, name: String) -> VectorLayerData {
        let fields = [VectorField("id", .string), VectorField("nom", .string), VectorField("commune", .string),
                      VectorField("format", .string)]
        let features = layer.sites.map { site in
            VectorFeature(values: [.string(site.id), .string(site.name), .string(site.communeCode),
                                   site.format.isEmpty ? .null : .string(site.format)],
                          geometry: .point(site.point))
        }
        return VectorLayerData(name: name, geometryKind: .point, fields: fields, features: features)
    }

    static func fieldKind(of value: VectorValue) -> VectorField.Kind? {
        switch value {
        case .null: return nil
        case .boolean: return .boolean
        case .integer: return .integer
        case .real: return .real
        case .string: return .string
        }
    }
}
