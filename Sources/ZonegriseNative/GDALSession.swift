import CGDAL

/// The one entry to GDAL/OGR: drivers registered once per process, and every sequence
/// of GDAL calls run with GDAL's messages captured instead of printed.
///
/// GDAL's error state (`CPLGetLastErrorMsg`) and its error-handler stack are per thread,
/// so `run` must wrap synchronous work only (no `await` inside): the handler pushed and
/// the messages read are then those of the calling thread.
enum GDALSession {
    /// `GDALAllRegister` (raster and vector drivers, OGR included); Swift runs a global
    /// `static let` initialiser exactly once, thread-safely.
    private static let registered: Bool = {
        GDALAllRegister()
        return true
    }()

    /// Runs `body` after registering the drivers, with `CPLQuietErrorHandler` pushed
    /// (GDAL records the last message but prints nothing) and the error state reset.
    static func run<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        precondition(registered)
        CPLPushErrorHandler(CPLQuietErrorHandler)
        defer { CPLPopErrorHandler() }
        CPLErrorReset()
        return try body()
    }

    /// The error for a failed `operation`: GDAL's last message on this thread (reset
    /// afterwards), else `fallback`.
    static func error(_ operation: String, fallback: String = "GDAL returned no result") -> NativeError {
        defer { CPLErrorReset() }
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        return .gdal(operation: operation, message: message.isEmpty ? fallback : message)
    }

    /// Sets a GDAL configuration option for this thread only while `body` runs, then
    /// puts back the previous value (none, usually).
    static func withThreadOption<R, E: Error>(_ key: String, _ value: String, _ body: () throws(E) -> R) throws(E) -> R {
        let previous = CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }
        CPLSetThreadLocalConfigOption(key, value)
        defer { CPLSetThreadLocalConfigOption(key, previous) }
        return try body()
    }
}
