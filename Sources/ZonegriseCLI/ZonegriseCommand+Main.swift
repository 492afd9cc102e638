import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore
import ZonegriseOSM

extension ZonegriseCommand {
    /// Parses the command line with ArgumentParser, runs the command, and reports what
    /// went wrong by the one exit-code contract of the tool (`ErrorReport`):
    ///
    /// - a user mistake (a `ZonegriseError`, `OSMError` or `TimeModelError` from the
    ///   library; an option, argument or value ArgumentParser refuses; a
    ///   `ValidationError`) is one sentence on standard error, `zonegrise: error: …`,
    ///   and exit code 2, where ArgumentParser would print the usage too and exit with 64;
    /// - `--help`, `help`, `--version` and completion scripts print as ArgumentParser
    ///   prints them, with exit code 0;
    /// - any other error is internal (a bug, or a broken installation): one sentence
    ///   asking for a bug report, `zonegrise: internal error: …`, and exit code 70
    ///   (`EX_SOFTWARE`), never a stack trace.
    ///
    /// `validate()` methods throw `ValidationError` only: ArgumentParser wraps what they
    /// throw in its own internal type, which would hide a library error.
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
        let (status, message) = outcome(of: error)
        guard let message else { Self.exit(withError: error) }
        printError(message)
        Foundation.exit(status)
    }

    /// The exit status and the line to print for `error`; no line when ArgumentParser
    /// prints it itself (help, version, an `ExitCode` thrown once its message was printed).
    static func outcome(of error: any Error) -> (status: Int32, message: String?) {
        switch error {
        case is ZonegriseError, is OSMError, is TimeModelError:
            return (UserErrorMessage.exitCode, UserErrorMessage.prefix + ErrorReport(error).message)
        default:
            break
        }
        let code = exitCode(for: error)
        if code == .success || error is ExitCode { return (code.rawValue, nil) }
        if code == .validationFailure {
            return (UserErrorMessage.exitCode, UserErrorMessage.prefix + MessageText.escaped(UserErrorMessage.sentence(message(for: error))))
        }
        // Not a user error of ours nor a refusal of the parser: internal.
        let report = ErrorReport(error)
        return (report.exitStatus, UserErrorMessage.internalPrefix + report.message)
    }
}
