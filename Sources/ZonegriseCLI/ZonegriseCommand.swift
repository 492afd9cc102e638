import ArgumentParser
import Foundation
import Zonegrise

@main
struct ZonegriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonegrise",
        abstract: "Zones grises of access to services in a French département.",
        discussion: "Method: METHOD.md (INSEE gammes, SDAASP thresholds). Manifest format: docs/MANIFEST.md.",
        version: ZonegriseVersion.current,
        subcommands: [Analyse.self, Gammes.self, Calibrate.self]
    )
}

/// Prints a user error as one sentence and exits with code 2.
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ZonegriseError {
        FileHandle.standardError.write(Data("zonegrise: error: \(error.description)\n".utf8))
        throw ExitCode(2)
    }
}

/// `failing` for an asynchronous body.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ZonegriseError {
        FileHandle.standardError.write(Data("zonegrise: error: \(error.description)\n".utf8))
        throw ExitCode(2)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
