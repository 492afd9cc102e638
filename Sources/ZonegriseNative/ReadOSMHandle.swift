import CReadOSM

/// Owns one readosm input (`readosm_open`), closed in deinit. One handle serves one
/// `readosm_parse`: the parse consumes the file, so each pass opens its own.
final class ReadOSMHandle {
    private let handle: UnsafeRawPointer
    let path: String

    /// Opens `path`; readosm picks XML (`.osm`) or PBF (`.pbf`) from the suffix.
    /// - Throws: `NativeError.osm` (bad suffix, no memory, an XML element readosm cannot
    ///   read) or `.io` (cannot open).
    init(path: String) throws(NativeError) {
        // readosm crashes on an XML <tag> or <member> lacking an attribute: the
        // `OSMFileReader` that opens handles has refused such a file already.
        var raw: UnsafeRawPointer?
        // READOSM_OK or an error code. The handle may be allocated even when the open
        // fails (fopen failed after allocation): readosm wants it closed all the same.
        let status = readosm_open(path, &raw)
        guard status == READOSM_OK, let raw else {
            if let raw { _ = readosm_close(raw) }
            throw ReadOSMStatus.error(status, path: path, counts: nil)
        }
        self.handle = raw
        self.path = path
    }

    deinit {
        // READOSM_OK or READOSM_INVALID_HANDLE; nothing to do about the latter here.
        _ = readosm_close(handle)
    }

    /// Runs `readosm_parse` with `sink` as user data. readosm calls the callbacks
    /// synchronously on this thread; a nil callback means that kind is skipped (for PBF
    /// nodes, not even decoded, which makes a ways-only pass about 3 times faster).
    /// - Throws: `NativeError.osm` with readosm's code in words and what was read before.
    func parse(
        _ sink: OSMParseSink,
        nodes: readosm_node_callback?,
        ways: readosm_way_callback?,
        relations: readosm_relation_callback?
    ) throws(NativeError) {
        // `sink` outlives the call: an unretained pointer is enough.
        let status = withExtendedLifetime(sink) {
            readosm_parse(handle, Unmanaged.passUnretained(sink).toOpaque(), nodes, ways, relations)
        }
        guard status == READOSM_OK else {
            throw ReadOSMStatus.error(status, path: path, counts: sink.counts)
        }
    }
}
