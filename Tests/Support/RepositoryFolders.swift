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

    /// Whether the shared real data is there (tests that need it skip otherwise).
    package static var hasSharedGeodata: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: sharedGeodata.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// A path of the repository, from its root.
    package static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A new empty folder under the system temporary folder; removed by `removeTemporaryFolder`.
    package static func makeTemporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zonegrise-tests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    package static func removeTemporaryFolder(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Names in a folder, hidden ones included, sorted; empty when the folder does not exist.
    package static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// The error of type `E` thrown by `body` with its description, or nil (with any other
/// error, or "(no error)", in the text): what the error tests of every target compare.
package func caughtError<E: Error & CustomStringConvertible>(_: E.Type, _ body: () throws -> Void) -> (error: E?, text: String) {
    do {
        try body()
        return (nil, "(no error)")
    } catch let error as E {
        return (error, error.description)
    } catch {
        return (nil, "(not a \(E.self): \(error))")
    }
}

/// `caughtError` for an asynchronous body (a whole run).
package func caughtError<E: Error & CustomStringConvertible>(_: E.Type, _ body: () async throws -> Void) async -> (error: E?, text: String) {
    do {
        try await body()
        return (nil, "(no error)")
    } catch let error as E {
        return (error, error.description)
    } catch {
        return (nil, "(not a \(E.self): \(error))")
    }
}
