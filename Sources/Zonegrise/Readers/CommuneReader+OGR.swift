import ZonegriseCore
import ZonegriseNative

extension CommuneReader {
    /// Reads one Shapefile or GeoPackage of communes through OGR (`communes.layer`, the
    /// fields `communes.code_property` and `communes.name_property`, e.g. `INSEE_COM`
    /// and `NOM` for IGN ADMIN EXPRESS), with the checks of the GeoJSON path: codes,
    /// départements, polygon geometries, plausible Lambert-93 positions. Validity and
    /// repair follow for every commune alike (`TerritoryLoader.summarize`).
    /// Features are numbered by their FID in messages.
    /// - Complexity: O(features + vertices).
    static func readOGRFile(_ file: String, source: CommuneSource, departements: Set<String>) -> FileRead {
        var read = FileRead()
        var firstFID: [String: Int64] = [:]
        do {
            let input = try OGRLayerInput.read(file: file, format: source.format, layer: source.layer, fields: [source.codeProperty, source.nameProperty])
            try input.require(source.codeProperty, key: "communes.code_property")
            let label = input.label
            for record in input.contents.features {
                let fid = record.fid
                guard let code = record.values[0], !code.allSatisfy(\.isWhitespace) else {
                    throw ZonegriseError.malformed(file: label, line: nil,
                                                   detail: "FID \(fid): the \"\(source.codeProperty)\" field is empty; every commune needs its INSEE code")
                }
                guard isCommuneCode(code) else {
                    throw ZonegriseError.malformed(file: label, line: nil,
                                                   detail: "FID \(fid): \(source.codeProperty) \"\(MessageText.excerpt(code))\" is not a 5-character INSEE commune code")
                }
                guard departements.contains(Commune.departement(ofCode: code)) else {
                    read.skipped += 1
                    continue
                }
                guard case let .polygons(shape) = record.geometry else {
                    throw input.wrongGeometry(record, what: "commune \(code)", expected: "a Polygon or MultiPolygon")
                }
                try CoordinateSystem.lambert93.checkPositions(shape.allPoints, file: label, feature: Int(fid), what: "commune \(code)")
                if let first = firstFID[code] {
                    throw ZonegriseError.duplicateCode(file: label, code: code, first: "FID \(first)", second: "FID \(fid)")
                }
                firstFID[code] = fid
                read.shapes.append(CommuneShape(code: code, nom: record.values[1] ?? "", shape: shape, origin: "\(label) FID \(fid)",
                                                featureNumber: Int(fid), file: label))
            }
        } catch {
            read.failure = error
        }
        return read
    }
}
