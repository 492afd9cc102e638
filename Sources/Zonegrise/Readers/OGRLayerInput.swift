import Foundation
import ZonegriseNative

/// One layer of a Shapefile or GeoPackage read through OGR, with the sentences the
/// readers need: the file and layer named in every message, missing fields listed with
/// the fields the layer has.
struct OGRLayerInput {
    let file: String
    let contents: VectorFileReader.Contents

    /// `file (layer NAME)`, the subject of every message about the layer.
    var label: String { "\(file) (layer \(contents.layer))" }

    /// Reads `layer` (nil: the first) of `file` with the `fields` wanted, in Lambert-93.
    /// A Shapefile has one layer, named after the file: `layer` is ignored for it, so
    /// that one `communes.layer` can name the layer of GeoPackages listed beside it.
    /// - Throws: `ZonegriseError.unreadable` when the file is missing, `.malformed` when
    ///   OGR cannot open it, has no such layer or no coordinate system.
    /// - Complexity: O(features + vertices).
    static func read(file: String, format: VectorInputFormat?, layer: String?, fields: [String]) throws -> OGRLayerInput {
        let isShapefile = format == .shapefile || VectorInputFormat.resolve(path: file, declared: nil) == .shapefile
        let layer = isShapefile ? nil : layer
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw ZonegriseError.unreadable(file: file, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw ZonegriseError.unreadable(file: file, reason: "it is a folder") }
        do {
            return OGRLayerInput(file: file, contents: try VectorFileReader.read(path: file, layer: layer, fields: fields))
        } catch {
            throw ZonegriseError.malformed(file: file, line: nil, detail: error.reason)
        }
    }

    /// True when the layer has `field` (compared without regard to case, as OGR does).
    func has(_ field: String) -> Bool {
        contents.fieldNames.contains { $0.lowercased() == field.lowercased() }
    }

    /// Fails when the layer has no `field`; `key` is the manifest key that names it.
    func require(_ field: String, key: String) throws {
        guard has(field) else {
            throw ZonegriseError.malformed(file: label, line: nil,
                                           detail: "no field \"\(field)\" (set \(key); fields found: \(ZonegriseError.columns(contents.fieldNames)))")
        }
    }

    /// The sentence for a feature whose geometry is not of the kind expected.
    func wrongGeometry(_ record: VectorFileReader.Record, what: String, expected: String) -> ZonegriseError {
        let found: String
        switch record.geometry {
        case .none: found = "no geometry"
        case .point: found = "a Point geometry"
        case .polygons: found = "a polygon geometry"
        case let .other(name): found = "a \(name) geometry"
        case let .unprojectable(message):
            return .malformed(file: label, line: nil, detail: "FID \(record.fid): \(what) cannot be projected to Lambert-93: \(message)")
        }
        return .malformed(file: label, line: nil, detail: "FID \(record.fid): \(what) has \(found), not \(expected)")
    }
}
