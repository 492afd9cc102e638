import ArgumentParser
import Foundation
import Zonegrise

extension ZonegriseCommand {
    /// Parses the command line with ArgumentParser, runs the command, and reports what
    /// went wrong the project's way:
    ///
    /// - a user mistake (a `ZonegriseError` from the library; an option, argument or value
    ///   ArgumentParser refuses; a `ValidationError`) is one sentence on standard error,
    ///   `zonegrise: error: …`, and exit code 2, where ArgumentParser would print the
    ///   usage too and exit with 64;
    /// - `--help`, `help`, `--version` and completion scripts print as ArgumentParser
    ///   prints them, with exit code 0;
    /// - any other error is one sentence too, with ArgumentParser's exit code (1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error)
        }
    }

    /// Prints `error` as described for `main()` and ends the process.
    static func exit(reporting error: any Error) -> Never {
        if let error = error as? ZonegriseError {
            printError(UserErrorMessage.prefix + error.description)
            Foundation.exit(UserErrorMessage.exitCode)
        }
        let code = exitCode(for: error)
        // A clean exit (help, version), or an exit code thrown once its message was printed.
        if code == .success || error is ExitCode { Self.exit(withError: error) }
        printError(UserErrorMessage.prefix + UserErrorMessage.sentence(message(for: error)))
        Foundation.exit(code == .validationFailure ? UserErrorMessage.exitCode : code.rawValue)
    }
}
