import ZonegriseCore
import ZonegriseNative

/// The row schema of the polygon outputs (docs/OUTPUTS.md): `secteurs.geojson`,
/// `secteurs.csv` and `bandes_G.geojson`, from `polygons`.
extension AnalysisOutputs {
    /// Property names and values of one sector, in contract order.
    func sectorProperties(_ sector: Sector) -> [(String, JSONOutput)] {
        let codes = sector.communeIndices.map { result.communes[$0].code }
        var props: [(String, JSONOutput)] = [
            ("secteur", .string(sector.id)), ("petit_secteur", .bool(sector.isBelowMinimum)),
            ("communes", .int(sector.communeIndices.count)), ("population", .int(sector.population)),
            ("code_enjeux", .string(sector.code)),
            ("gammes_manquantes", .string(sector.lackingGammes.map(\.rawValue).joined(separator: ","))),
        ]
        for gamme in Gamme.allCases {
            props.append(("poles_proches_" + gamme.rawValue, .string((sector.nearestPoles[gamme] ?? []).joined(separator: ","))))
        }
        props += [("subdivisions", .string(sector.subdivisions.joined(separator: ","))),
                  ("codes_communes", .string(codes.joined(separator: ","))), ("source_gammes", .string(gammesSource))]
        return props
    }

    /// Property names and values of one band area, in contract order.
    func bandProperties(_ area: BandArea) -> [(String, JSONOutput)] {
        [("gamme", .string(area.gamme.rawValue)), ("bande", .string(area.label)), ("communes", .int(area.communes)),
         ("population", .int(area.population)), ("source_gammes", .string(gammesSource))]
    }

    /// Vertices at the communes' positions as read where known (`WGS84Positions`).
    func sectorsGeoJSON() async throws -> [UInt8] {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        let positions = polygons.allSectors.isEmpty ? PointTranslationTable() : await wgs84Positions.table()
        var writer = GeoJSONWriter(metadata: metadata)
        for sector in polygons.allSectors {
            writer.addFeature(properties: sectorProperties(sector), shape: try positions.wgs84(sector.shape, projecting: toWGS84))
        }
        return writer.bytes()
    }

    func sectorsCSV() -> [UInt8] {
        let header = sectorProperties(Sector(number: 0, communeIndices: [], population: 0, lackingGammes: [], code: "", nearestPoles: [:],
                                             subdivisions: [], shape: MultiPolygon(polygons: []), isBelowMinimum: false)).map(\.0)
        var writer = CSVWriter(header: header)
        for sector in polygons.allSectors { writer.addRow(sectorProperties(sector).map { Self.csvText($0.1) }) }
        return writer.bytes()
    }

    /// Vertices at the communes' positions as read where known (`WGS84Positions`).
    func bandsGeoJSON(_ gamme: Gamme) async throws -> [UInt8] {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        let areas = polygons.bands[gamme] ?? []
        let positions = areas.isEmpty ? PointTranslationTable() : await wgs84Positions.table()
        var writer = GeoJSONWriter(metadata: metadata)
        for area in areas {
            writer.addFeature(properties: bandProperties(area), shape: try positions.wgs84(area.shape, projecting: toWGS84))
        }
        return writer.bytes()
    }
}
