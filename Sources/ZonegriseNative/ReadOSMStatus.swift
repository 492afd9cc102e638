import CReadOSM

/// readosm's return codes (`READOSM_*` in readosm.h) in words, for `NativeError.osm`.
enum ReadOSMStatus {
    /// The error for a failed `readosm_open` (`counts` nil) or `readosm_parse`.
    /// `READOSM_FILE_NOT_FOUND` becomes `NativeError.io`; every other code `NativeError.osm`.
    static func error(_ code: Int32, path: String, counts: OSMObjectCounts?) -> NativeError {
        if code == READOSM_FILE_NOT_FOUND {
            return .io(path: path, message: "the file does not exist or cannot be opened for reading")
        }
        var message = "\(meaning(of: code)) (readosm error \(name(of: code)))"
        if let counts {
            message += "; read before the error: \(counts)"
        }
        return .osm(path: path, message: message)
    }

    /// The constant's name, e.g. "READOSM_INVALID_PBF_HEADER", or the number when unknown.
    static func name(of code: Int32) -> String {
        switch code {
        case READOSM_OK: "READOSM_OK"
        case READOSM_INVALID_SUFFIX: "READOSM_INVALID_SUFFIX"
        case READOSM_FILE_NOT_FOUND: "READOSM_FILE_NOT_FOUND"
        case READOSM_NULL_HANDLE: "READOSM_NULL_HANDLE"
        case READOSM_INVALID_HANDLE: "READOSM_INVALID_HANDLE"
        case READOSM_INSUFFICIENT_MEMORY: "READOSM_INSUFFICIENT_MEMORY"
        case READOSM_CREATE_XML_PARSER_ERROR: "READOSM_CREATE_XML_PARSER_ERROR"
        case READOSM_READ_ERROR: "READOSM_READ_ERROR"
        case READOSM_XML_ERROR: "READOSM_XML_ERROR"
        case READOSM_INVALID_PBF_HEADER: "READOSM_INVALID_PBF_HEADER"
        case READOSM_UNZIP_ERROR: "READOSM_UNZIP_ERROR"
        case READOSM_ABORT: "READOSM_ABORT"
        default: "code \(code)"
        }
    }

    /// What the code means for the user. readosm reports every PBF problem past the open
    /// (truncated file, bad block size, undecodable block) as an invalid header.
    static func meaning(of code: Int32) -> String {
        switch code {
        case READOSM_OK: "no error"
        case READOSM_INVALID_SUFFIX: "the file name must end in .osm (OSM XML) or .pbf (OSM PBF)"
        case READOSM_FILE_NOT_FOUND: "the file does not exist or cannot be opened for reading"
        case READOSM_NULL_HANDLE, READOSM_INVALID_HANDLE: "readosm was given an invalid handle (a bug in zonegrise)"
        case READOSM_INSUFFICIENT_MEMORY: "out of memory"
        case READOSM_CREATE_XML_PARSER_ERROR: "the XML parser could not be created"
        case READOSM_READ_ERROR: "the file could not be read (a folder, or an input/output error)"
        case READOSM_XML_ERROR: "the file is not well-formed OSM XML (empty, truncated or not XML)"
        case READOSM_INVALID_PBF_HEADER: "the file is truncated, corrupt or not OSM PBF data (a block header or block is invalid)"
        case READOSM_UNZIP_ERROR: "a compressed PBF block could not be decompressed: the file is corrupt"
        case READOSM_ABORT: "the read was stopped before the end of the file"
        default: "unknown readosm error"
        }
    }
}
