import Foundation

/// Where the repository and the shared real data are, for tests of every target: found
/// from this file's path, so tests run from any directory.
package enum RepositoryFolders {
    /// The package root (the folder holding Package.swift).
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .standardizedFileURL

    /// The real open data read in place: `$ZONEGRISE_GEODATA` when set, else
    /// `../shared/geodata` beside the clone. Tests that need it skip when it is absent.
    package static let sharedGeodata: URL = {
        if let path = ProcessInfo.processInfo.environment["ZONEGRISE_GEODATA"] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return root.appendingPathComponent("../shared/geodata").standardizedFileURL
    }()
}
