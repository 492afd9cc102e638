import ZonegriseCore
import ZonegriseNative

/// Reads commune centres that win over the point on surface (town halls, population-
/// weighted points): a CSV `code,x,y` in Lambert-93 or `code,longitude,latitude`, or a
/// GeoJSON of points with a `code` (or `insee_com`) property.
struct CentresReader {
    let file: String

    func read() throws -> [String: PlanarPoint] {
        let bytes = try InputBytes.read(file)
        var result: [String: PlanarPoint] = [:]
        if InputBytes.looksLikeJSON(bytes) {
            let document = try GeoJSONReader.read(bytes, file: file)
            let crs = CoordinateSystem(crsName: document.crsName)
            let transformer = try crs.transformerToLambert93(file: file)
            for feature in document.features {
                guard let code = (feature.properties["code"] ?? feature.properties["insee_com"] ?? feature.properties["INSEE_COM"])?.propertyText,
                      var point = feature.geometry?.asPoint else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1, detail: "a centre needs a Point geometry and a code property")
                }
                try crs.checkPositions(CollectionOfOne(point), file: file, feature: feature.index + 1, what: "centre \(code)")
                if let transformer {
                    do { point = try transformer.transform(point) } catch {
                        throw crs.projectionError(file: file, feature: feature.index + 1, what: "centre \(code)", sample: point, error: error)
                    }
                }
                result[code] = point
            }
            return result
        }
        let csv = try CSVReader(bytes: bytes, file: file)
        let code = try csv.column(anyOf: ["code", "insee_com", "codgeo", "COM"])
        let projected = csv.optionalColumn("x") != nil
        let xColumn = projected ? try csv.column("x") : try csv.column(anyOf: ["longitude", "lon"])
        let yColumn = projected ? try csv.column("y") : try csv.column(anyOf: ["latitude", "lat"])
        let toL93 = projected ? nil : try CoordinateTransformer.wgs84ToLambert93()
        try csv.forEachRecord { record in
            let x = try record.requireDouble(xColumn, field: csv.header[xColumn])
            let y = try record.requireDouble(yColumn, field: csv.header[yColumn])
            var point = PlanarPoint(x: x, y: y)
            if projected, !InputLimits.isLambert93(x: x, y: y) {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: "x/y",
                                                  value: "\(record.string(xColumn)), \(record.string(yColumn))",
                                                  expected: "Lambert-93 metres (\(CoordinateSystem.lambert93.rangeText))")
            }
            if let toL93 {
                guard (-180 ... 180).contains(x), (-90 ... 90).contains(y), let projected = try? toL93.transform(point) else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "longitude/latitude",
                                                      value: "\(record.string(xColumn)), \(record.string(yColumn))", expected: "WGS84 decimal degrees")
                }
                point = projected
            }
            result[record.string(code)] = point
        }
        return result
    }
}
