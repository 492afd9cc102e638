import Foundation

/// GDAL's command-line tools (package gdal-bin) for tests that check the GeoPackage
/// output or convert inputs to Shapefile and GeoPackage: nil paths when not installed
/// (the tests then use `.requires`, a failure in CI).
package enum GDALTools {
    package static let ogr2ogr: String? = Prerequisite.executable(["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr", "/opt/homebrew/bin/ogr2ogr"])
    package static let ogrinfo: String? = Prerequisite.executable(["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo", "/opt/homebrew/bin/ogrinfo"])

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Runs `ogr2ogr arguments` (quietly); throws with its standard error when it fails.
    package static func convert(_ arguments: [String]) throws {
        guard let ogr2ogr else { throw Failure(description: "ogr2ogr is not installed (gdal-bin)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ogr2ogr)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "ogr2ogr \(arguments.joined(separator: " ")) failed: \(text)") }
    }
}
