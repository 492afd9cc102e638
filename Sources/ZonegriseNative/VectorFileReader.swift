import CGDAL
import ZonegriseCore

/// Reads one layer of a vector file (Shapefile, GeoPackage, anything OGR opens) into
/// Swift values, coordinates transformed to Lambert-93 (EPSG:2154) from the layer's own
/// coordinate system (OGR's transformation, traditional GIS axis order: x east).
///
/// - Complexity: O(features + vertices); one dataset open, one pass.
package enum VectorFileReader {
    /// The features of one layer, in FID order as OGR returns them.
    package struct Contents: Sendable {
        /// The layer read.
        package var layer: String
        /// Every attribute field of the layer, in definition order.
        package var fieldNames: [String]
        package var features: [Record]
    }

    /// One feature: its FID, the requested fields' values as text (nil when the field
    /// is null, unset, or not in the layer), and its geometry in Lambert-93.
    package struct Record: Sendable {
        package var fid: Int64
        package var values: [String?]
        package var geometry: Shape
    }

    package enum Shape: Sendable {
        case none
        case point(PlanarPoint)
        /// Polygon, MultiPolygon (curves linearised).
        case polygons(MultiPolygon)
        /// Any other geometry type, by OGR's name ("Line String", "Multi Point"…).
        case other(String)
        /// The feature's coordinates cannot be transformed to Lambert-93.
        case unprojectable(String)
    }

    /// - Parameters:
    ///   - layer: the layer's name; nil for the file's first (for a Shapefile, its only) layer.
    ///   - fields: the attribute fields wanted (matched without regard to case, as OGR does).
    /// - Throws: `NativeError.vector` when the file does not open as a vector dataset, has
    ///   no such layer (the message lists the layers) or no coordinate system.
    package static func read(path: String, layer: String?, fields: [String]) throws(NativeError) -> Contents {
        try GDALSession.run { () throws(NativeError) -> Contents in
            // Read-only, vector drivers only; null when no driver recognises the file.
            guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
                let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
                throw .vector(path: path, message: "OGR cannot open it as a vector file" + (message.isEmpty ? "" : " (\(message))"))
            }
            defer { GDALClose(dataset) }
            let count = GDALDatasetGetLayerCount(dataset)
            let names = (0 ..< count).map { i -> String in
                GDALDatasetGetLayer(dataset, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) } ?? ""
            }
            let handle: OGRLayerH
            if let layer {
                guard let found = GDALDatasetGetLayerByName(dataset, layer) else {
                    throw .vector(path: path, message: "there is no layer \"\(layer)\" (layers: \(names.joined(separator: ", ")))")
                }
                handle = found
            } else {
                guard count > 0, let first = GDALDatasetGetLayer(dataset, 0) else { throw .vector(path: path, message: "the file has no layer") }
                handle = first
            }
            let layerName = String(cString: OGR_L_GetName(handle))
            let definition = OGR_L_GetLayerDefn(handle)
            let fieldCount = OGR_FD_GetFieldCount(definition)
            let fieldNames = (0 ..< fieldCount).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
            let indexes = fields.map { OGR_FD_GetFieldIndex(definition, $0) }

            // Owned by the layer.
            guard let source = OGR_L_GetSpatialRef(handle) else {
                throw .vector(path: path, message: "layer \(layerName) has no coordinate reference system (a Shapefile needs its .prj file)")
            }
            let transformation = try Lambert93Transformation(from: source, path: path, layer: layerName)

            var records: [Record] = []
            OGR_L_ResetReading(handle)
            // Each feature returned is ours to destroy; null at the end.
            while let feature = OGR_L_GetNextFeature(handle) {
                defer { OGR_F_Destroy(feature) }
                let values = indexes.map { index -> String? in
                    guard index >= 0, OGR_F_IsFieldSetAndNotNull(feature, index) != 0 else { return nil }
                    return String(cString: OGR_F_GetFieldAsString(feature, index))
                }
                records.append(Record(fid: OGR_F_GetFID(feature), values: values,
                                      geometry: shape(of: OGR_F_GetGeometryRef(feature), transformation: transformation)))
            }
            return Contents(layer: layerName, fieldNames: fieldNames, features: records)
        }
    }

    /// The feature's geometry (owned by the feature), transformed in place.
    private static func shape(of geometry: OGRGeometryH?, transformation: Lambert93Transformation) -> Shape {
        guard let geometry, OGR_G_IsEmpty(geometry) == 0 else { return .none }
        var linear = geometry
        var owned: OGRGeometryH?
        defer { if let owned { OGR_G_DestroyGeometry(owned) } }
        if OGR_G_HasCurveGeometry(geometry, 0) != 0 {
            // A new geometry, ours to destroy; null on failure.
            guard let straight = OGR_G_GetLinearGeometry(geometry, 0, nil) else { return .other(typeName(geometry)) }
            owned = straight
            linear = straight
        }
        if let transform = transformation.handle {
            guard OGR_G_Transform(linear, transform) == OGRERR_NONE else {
                let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
                CPLErrorReset()
                return .unprojectable(message.isEmpty ? "outside the domain of the transformation" : message)
            }
        }
        switch OGR_GT_Flatten(OGR_G_GetGeometryType(linear)) {
        case wkbPoint:
            return .point(PlanarPoint(x: OGR_G_GetX(linear, 0), y: OGR_G_GetY(linear, 0)))
        case wkbPolygon:
            return .polygons(MultiPolygon(polygons: [polygon(linear)]))
        case wkbMultiPolygon:
            let parts = OGR_G_GetGeometryCount(linear)
            return .polygons(MultiPolygon(polygons: (0 ..< parts).map { polygon(OGR_G_GetGeometryRef(linear, $0)) }))
        default:
            return .other(typeName(linear))
        }
    }

    private static func typeName(_ geometry: OGRGeometryH) -> String {
        OGR_G_GetGeometryName(geometry).map { String(cString: $0) } ?? "unknown"
    }

    /// A polygon's rings (exterior first), closed as OGR stores them.
    private static func polygon(_ geometry: OGRGeometryH?) -> Polygon {
        let ringCount = OGR_G_GetGeometryCount(geometry)
        return Polygon(rings: (0 ..< ringCount).map { index in
            let ring = OGR_G_GetGeometryRef(geometry, index)
            let points = Int(OGR_G_GetPointCount(ring))
            return PlanarPointBuffer.makePoints(count: points) { doubles in
                let base = UnsafeMutableRawPointer(doubles.baseAddress!)
                let stride = Int32(PlanarPointBuffer.strideInBytes)
                // Copies x then y of every point into the strided buffer; returns the count.
                return Int(OGR_G_GetPoints(ring, base, stride, base + MemoryLayout<Double>.stride, stride, nil, 0)) == points
            } ?? []
        })
    }
}

/// OGR's transformation from a layer's coordinate system to Lambert-93, none when the
/// layer is already in Lambert-93. Both systems in traditional GIS order (x = easting or
/// longitude) so that a geographic layer is read as longitude, latitude.
private final class Lambert93Transformation {
    let handle: OGRCoordinateTransformationH?
    private let target: OGRSpatialReferenceH?
    private let source: OGRSpatialReferenceH?

    init(from layerSRS: OGRSpatialReferenceH, path: String, layer: String) throws(NativeError) {
        // Clones, ours to release: the axis strategy must not change the layer's own.
        source = OSRClone(layerSRS)
        target = OSRNewSpatialReference(nil)
        guard let source, let target, OSRImportFromEPSG(target, 2154) == OGRERR_NONE else {
            throw GDALSession.error("create the Lambert-93 spatial reference (EPSG:2154)")
        }
        OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER)
        OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER)
        if OSRIsSame(source, target) != 0 {
            handle = nil
            return
        }
        // New object, ours to destroy; null when PROJ finds no operation.
        guard let transformation = OCTNewCoordinateTransformation(source, target) else {
            let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
            throw .vector(path: path, message: "the coordinate reference system of layer \(layer) cannot be transformed to Lambert-93" + (message.isEmpty ? "" : " (\(message))"))
        }
        handle = transformation
    }

    deinit {
        if let handle { OCTDestroyCoordinateTransformation(handle) }
        OSRRelease(source)
        OSRRelease(target)
    }
}
