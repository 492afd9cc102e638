import Foundation
@testable import Zonegrise
import ZonegriseTestSupport

/// The shared real data beside the project (`../shared/geodata`), which tests skip when absent.
enum ParsingGeodata {
    /// `$ZONEGRISE_GEODATA` when set, else `../shared/geodata` next to the package root.
    static let root: URL = RepositoryFolders.sharedGeodata

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// The decompressed content of a `.gz` file, by running `gzip -dc` (tests only: the
    /// library itself never spawns processes).
    static func gunzip(_ relative: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path(relative)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ZonegriseError.unreadable(file: relative, reason: "gzip exited with \(process.terminationStatus)")
        }
        return [UInt8](data)
    }
}

/// The description of the `ZonegriseError` thrown by `body`, or a note saying what happened instead.
func parsingErrorDescription(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "(no error)"
    } catch let error as ZonegriseError {
        return error.description
    } catch {
        return "(not a ZonegriseError: \(error))"
    }
}
