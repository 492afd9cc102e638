import Foundation
@testable import Zonegrise

/// A small deterministic generator (SplitMix64) so randomised tests can print and replay a seed.
struct ParsingSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The shared real data beside the project (`../shared/geodata`), which tests skip when absent.
enum ParsingGeodata {
    /// `$ZONEGRISE_GEODATA` when set, else `../shared/geodata` next to the package root.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["ZONEGRISE_GEODATA"] {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Parsing
            .deletingLastPathComponent()  // ZonegriseTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/geodata").standardizedFileURL
    }()

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
