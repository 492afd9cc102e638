import CPROJ

/// Owns one `PJ_CONTEXT` whose log function captures PROJ's messages, so PROJ never
/// prints to stderr and errors carry PROJ's own text.
final class PROJContext {
    let handle: OpaquePointer
    /// The last error-level message PROJ logged, cleared when consumed by `error(_:)`.
    private(set) var lastErrorMessage: String?

    init() {
        guard let handle = proj_context_create() else {
            fatalError("proj_context_create returned null: out of memory")
        }
        self.handle = handle
        // The context never outlives `self` (destroyed in deinit): an unretained
        // back-pointer is safe. PROJ calls the log function synchronously.
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque()) { userData, level, message in
            guard let userData, level <= Int32(PJ_LOG_ERROR.rawValue) else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userData).takeUnretainedValue()
            context.lastErrorMessage = message.map { String(cString: $0) } ?? "no message"
        }
    }

    deinit {
        _ = proj_context_destroy(handle)
    }

    /// The error for a failed `operation`: PROJ's logged message, else the text of the
    /// context's error number, else `fallback`.
    func error(_ operation: String, fallback: String = "PROJ returned no result") -> NativeError {
        defer { lastErrorMessage = nil }
        if let message = lastErrorMessage { return .proj(operation: operation, message: message) }
        let code = proj_context_errno(handle)
        if code != 0, let text = proj_context_errno_string(handle, code) {
            return .proj(operation: operation, message: String(cString: text))
        }
        return .proj(operation: operation, message: fallback)
    }
}
