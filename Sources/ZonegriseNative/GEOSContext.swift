import CGEOS
import ZonegriseCore

/// Owns one GEOS context handle (`GEOS_init_r`) and the last message its error handler
/// received. Shared by a `GeometryEngine` and the locators it makes; never crosses tasks.
///
/// GEOS reports failures through the handler and a sentinel return value (null pointer,
/// 0 or 2 depending on the call); `error(_:)` turns the captured text into a `NativeError`.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// Text of the last GEOS error, cleared when consumed by `error(_:)`.
    private(set) var lastErrorMessage: String?

    init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned null: out of memory")
        }
        self.handle = handle
        // The handle never outlives `self` (finished in deinit), so an unretained
        // back-pointer is safe. The handler runs synchronously inside the failing call.
        _ = GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userData in
                guard let userData else { return }
                let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
                context.lastErrorMessage = message.map { String(cString: $0) } ?? "no message"
            },
            Unmanaged.passUnretained(self).toOpaque()
        )
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error for a failed `operation`, with GEOS's message (or `fallback` when GEOS
    /// gave none: the failure was detected on our side).
    func error(_ operation: String, fallback: String = "GEOS returned no result") -> NativeError {
        let message = lastErrorMessage ?? fallback
        lastErrorMessage = nil
        return .geos(operation: operation, message: message)
    }

    /// Frees a geometry this context created and nobody else owns.
    func destroy(_ geometry: OpaquePointer) {
        GEOSGeom_destroy_r(handle, geometry)
    }

    /// Frees each geometry in `geometries`.
    func destroy(_ geometries: [OpaquePointer]) {
        for geometry in geometries { GEOSGeom_destroy_r(handle, geometry) }
    }

    /// A new GEOS point; the caller owns it.
    /// - Throws: `NativeError.geos` for non-finite coordinates or a GEOS failure.
    func makePoint(_ point: PlanarPoint, operation: String) throws(NativeError) -> OpaquePointer {
        guard point.x.isFinite, point.y.isFinite else {
            throw .geos(operation: operation, message: "point (\(point.x), \(point.y)) has a non-finite coordinate")
        }
        // Returns null on exception.
        guard let geometry = GEOSGeom_createPointFromXY_r(handle, point.x, point.y) else {
            throw error(operation)
        }
        return geometry
    }
}
