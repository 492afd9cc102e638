import Foundation
@testable import ZonegriseOSM

/// Where the repository and the shared real data are, found from this file's path, and
/// fresh temporary folders for runs.
enum TestRepository {
    /// The package root (the folder holding Package.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ZonegriseOSMTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .standardizedFileURL

    /// `../shared/geodata` beside the clone (the real open data, read in place).
    static let sharedGeodata: URL = root.appendingPathComponent("../shared/geodata").standardizedFileURL

    static var hasSharedGeodata: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: sharedGeodata.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A new empty folder under the system temporary folder; removed by `removeTemporaryFolder`.
    static func makeTemporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zonegrise-tests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func removeTemporaryFolder(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Names in a folder, hidden ones included, sorted; empty when the folder does not exist.
    static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// The `OSMError` thrown by `body`, or nil (with the other error recorded in the text).
func osmError(_ body: () throws -> Void) -> (error: OSMError?, text: String) {
    do {
        try body()
        return (nil, "(no error)")
    } catch let error as OSMError {
        return (error, error.description)
    } catch {
        return (nil, "(not an OSMError: \(error))")
    }
}
