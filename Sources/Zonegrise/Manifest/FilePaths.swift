import Foundation

/// The one rule for making a path given by a user absolute, for the manifest (paths
/// relative to the manifest's folder) and the command line (paths relative to the
/// current directory) alike.
///
/// A path is absolute so that messages and the run manifest (`manifest.json`) name
/// the same file wherever the run started.
package enum FilePaths {
    /// `path` unchanged when it starts with `/`; otherwise `path` under `folder`, with
    /// `.` and `..` components and repeated or trailing `/` removed (symbolic links are
    /// kept, not resolved).
    ///
    /// `FilePaths.absolute("../bpe.csv", relativeTo: "/srv/62")` is `/srv/bpe.csv`;
    /// an empty `path` gives `folder` itself.
    package static func absolute(_ path: String, relativeTo folder: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
    }

    /// `path` made absolute against the current directory of the process.
    package static func absolute(_ path: String) -> String {
        absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
    }
}
