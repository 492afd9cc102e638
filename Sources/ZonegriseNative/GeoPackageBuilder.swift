import CGDAL
import Synchronization
import ZonegriseCore

/// Writes vector layers into an OGC GeoPackage through GDAL's GPKG driver, in memory
/// (`/vsimem/`), and returns the file's bytes.
///
/// Every layer is in Lambert-93 (EPSG:2154), with its typed fields, its R-tree spatial
/// index (`rtree_<layer>_geom`, the driver's default `SPATIAL_INDEX=YES`) and its
/// features in the given order (FIDs 1…), each layer's features in one transaction.
///
/// Deterministic: the same layers give the same bytes. The only clock value GDAL stores,
/// `gpkg_contents.last_change`, is pinned by setting `OGR_CURRENT_DATE` (this thread
/// only) to `fixedDate` during the write.
/// - Complexity: O(features + vertices); about 1 s for the 35,000 communes of France
///   (measured in the README's GeoPackage section).
package enum GeoPackageBuilder {
    /// The `last_change` written for every layer.
    package static let fixedDate = "2000-01-01T00:00:00.000Z"

    /// Distinct `/vsimem/` names for concurrent writes in one process.
    private static let counter = Atomic<Int>(0)

    /// - Throws: `NativeError.gdal` naming the layer or field GDAL refused.
    package static func bytes(layers: [VectorLayerData]) throws(NativeError) -> [UInt8] {
        try GDALSession.run { () throws(NativeError) -> [UInt8] in
            try GDALSession.withThreadOption("OGR_CURRENT_DATE", fixedDate) { () throws(NativeError) -> [UInt8] in
                let number = counter.add(1, ordering: .relaxed).newValue
                let path = "/vsimem/zonegrise-\(number).gpkg"
                defer { _ = VSIUnlink(path) }
                try write(oneBatch(layers), to: path)
                var length: vsi_l_offset = 0
                // With bUnlinkAndSeize the buffer is ours (VSIFree) and the file gone.
                guard let buffer = VSIGetMemFileBuffer(path, &length, 1) else {
                    throw GDALSession.error("take the GeoPackage out of memory")
                }
                defer { VSIFree(buffer) }
                return [UInt8](UnsafeBufferPointer(start: buffer, count: Int(length)))
            }
        }
    }

    /// Writes the same GeoPackage as `bytes(layers:)` straight into the file at `path`
    /// (which must not exist), without the in-memory file and its copy: for a run that
    /// writes it to disk anyway (83 MB on France). SQLite keeps no journal and does not
    /// sync (`OGR_SQLITE_JOURNAL`, `OGR_SQLITE_SYNCHRONOUS`, this thread only): the file
    /// is a staging file, synced by the caller, and thrown away with its folder when the
    /// run fails.
    /// - Throws: `NativeError.gdal` naming the layer or field GDAL refused.
    package static func write(layers: [VectorLayerData], toFile path: String) throws(NativeError) {
        try write(toFile: path, batches: oneBatch(layers))
    }

    /// The `batches` function giving `layers`, then nil.
    private static func oneBatch(_ layers: [VectorLayerData]) -> () -> [VectorLayerData]? {
        var pending: [VectorLayerData]? = layers
        return {
            defer { pending = nil }
            return pending
        }
    }

    /// As `write(layers:toFile:)`, the layers given in batches, in file order: `next` is
    /// called for the first batch, then again each time a batch is written, until it
    /// returns nil. It may block (a batch computed meanwhile on other threads), so that
    /// GDAL writes the first layers while the last are still being made.
    /// - Throws: `NativeError.gdal` naming the layer or field GDAL refused.
    package static func write(toFile path: String, batches next: () -> [VectorLayerData]?) throws(NativeError) {
        try GDALSession.run { () throws(NativeError) in
            try GDALSession.withThreadOption("OGR_CURRENT_DATE", fixedDate) { () throws(NativeError) in
                try GDALSession.withThreadOption("OGR_SQLITE_JOURNAL", "OFF") { () throws(NativeError) in
                    try GDALSession.withThreadOption("OGR_SQLITE_SYNCHRONOUS", "OFF") { () throws(NativeError) in
                        try write(next, to: path)
                    }
                }
            }
        }
    }

    /// SQLite's page size in the files written: 16 KiB rather than SQLite's 4 KiB, for a
    /// file of long blobs (commune and band polygons). On France: 76 MB instead of 83 MB,
    /// and about 0.1 s less of GDAL's writing (fewer overflow pages, fewer writes);
    /// 8 KiB gave 78 MB, 32 KiB 76.2 MB and 64 KiB 77.5 MB. Any page size is valid for
    /// GeoPackage readers (it is SQLite's own header field).
    package static let pageSizeBytes = 16384

    private static func write(_ next: () -> [VectorLayerData]?, to path: String) throws(NativeError) {
        // Read by the driver when it creates the file, before any table exists.
        try GDALSession.withThreadOption("OGR_SQLITE_PRAGMA", "page_size=\(pageSizeBytes)") { () throws(NativeError) in
            try create(next, at: path)
        }
    }

    private static func create(_ next: () -> [VectorLayerData]?, at path: String) throws(NativeError) {
        guard let driver = GDALGetDriverByName("GPKG") else {
            throw GDALSession.error("find the GPKG driver", fallback: "this GDAL has no GeoPackage driver")
        }
        // New dataset or null; closed (and flushed) by GDALClose below.
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALSession.error("create a GeoPackage")
        }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }
        // Reference-counted; released after the layers hold their own references.
        guard let srs = OSRNewSpatialReference(nil) else { throw GDALSession.error("create the Lambert-93 spatial reference") }
        defer { OSRRelease(srs) }
        guard OSRImportFromEPSG(srs, 2154) == OGRERR_NONE else {
            throw GDALSession.error("create the Lambert-93 spatial reference (EPSG:2154)", fallback: "PROJ's database has no EPSG:2154")
        }
        while let layers = next() {
            for layer in layers { try write(layer, into: dataset, srs: srs) }
        }
        closed = true
        // Returns nothing in GDAL 3.6: a failed final flush (SQLite pages, R-trees) is
        // only reported through the error state.
        CPLErrorReset()
        GDALClose(dataset)
        guard CPLGetLastErrorType().rawValue < CE_Failure.rawValue else { throw GDALSession.error("close the GeoPackage") }
    }

    private static func write(_ layer: VectorLayerData, into dataset: GDALDatasetH, srs: OGRSpatialReferenceH) throws(NativeError) {
        let geometryType = layer.geometryKind == .point ? wkbPoint : wkbMultiPolygon
        var options: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        options = CSLSetNameValue(options, "SPATIAL_INDEX", "YES")
        options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom")
        defer { CSLDestroy(options) }
        // Owned by the dataset; null on failure.
        guard let handle = GDALDatasetCreateLayer(dataset, layer.name, srs, geometryType, options) else {
            throw GDALSession.error("create the GeoPackage layer \(layer.name)")
        }
        for field in layer.fields {
            let type: OGRFieldType
            switch field.kind {
            case .string: type = OFTString
            case .integer: type = OFTInteger64
            case .real: type = OFTReal
            case .boolean: type = OFTInteger
            }
            // Copied by OGR_L_CreateField: destroyed right after.
            guard let definition = OGR_Fld_Create(field.name, type) else { throw GDALSession.error("define field \(field.name)") }
            defer { OGR_Fld_Destroy(definition) }
            if field.kind == .boolean { OGR_Fld_SetSubType(definition, OFSTBoolean) }
            guard OGR_L_CreateField(handle, definition, 1) == OGRERR_NONE else {
                throw GDALSession.error("create field \(field.name) of layer \(layer.name)")
            }
        }
        guard OGR_L_StartTransaction(handle) == OGRERR_NONE else { throw GDALSession.error("start a transaction on layer \(layer.name)") }
        // Owned by the layer.
        let definition = OGR_L_GetLayerDefn(handle)
        for (index, feature) in layer.features.enumerated() {
            try write(feature, number: index + 1, layer: layer, handle: handle, definition: definition)
        }
        guard OGR_L_CommitTransaction(handle) == OGRERR_NONE else { throw GDALSession.error("commit the features of layer \(layer.name)") }
    }

    private static func write(_ feature: VectorFeature, number: Int, layer: VectorLayerData, handle: OGRLayerH,
                              definition: OGRFeatureDefnH?) throws(NativeError) {
        precondition(feature.values.count == layer.fields.count, "layer \(layer.name) feature \(number): one value per field")
        guard let ogrFeature = OGR_F_Create(definition) else { throw GDALSession.error("create feature \(number) of layer \(layer.name)") }
        defer { OGR_F_Destroy(ogrFeature) }
        for (i, value) in feature.values.enumerated() {
            let index = Int32(i)
            switch value {
            case .null: OGR_F_SetFieldNull(ogrFeature, index)
            case let .string(text): OGR_F_SetFieldString(ogrFeature, index, text)
            case let .integer(n):
                if layer.fields[i].kind == .real { OGR_F_SetFieldDouble(ogrFeature, index, Double(n)) } else { OGR_F_SetFieldInteger64(ogrFeature, index, Int64(n)) }
            case let .real(x): OGR_F_SetFieldDouble(ogrFeature, index, x)
            case let .boolean(b): OGR_F_SetFieldInteger(ogrFeature, index, b ? 1 : 0)
            }
        }
        if let geometry = feature.geometry {
            let wkb: [UInt8]
            switch geometry {
            case let .point(point): wkb = WellKnownBinary.point(point)
            case let .multiPolygon(shape): wkb = WellKnownBinary.multiPolygon(shape)
            }
            var ogrGeometry: OGRGeometryH?
            // Returns OGRERR_NONE and a new geometry, which SetGeometryDirectly takes.
            let status = wkb.withUnsafeBytes { OGR_G_CreateFromWkb($0.baseAddress, nil, &ogrGeometry, Int32($0.count)) }
            guard status == OGRERR_NONE, let ogrGeometry else {
                throw GDALSession.error("build the geometry of feature \(number) of layer \(layer.name)", fallback: "OGR error \(status)")
            }
            guard OGR_F_SetGeometryDirectly(ogrFeature, ogrGeometry) == OGRERR_NONE else {
                throw GDALSession.error("set the geometry of feature \(number) of layer \(layer.name)")
            }
        }
        guard OGR_L_CreateFeature(handle, ogrFeature) == OGRERR_NONE else {
            throw GDALSession.error("write feature \(number) of layer \(layer.name)")
        }
    }
}
