import ZonegriseCore
import ZonegriseOSM

/// What the tool says about an error that ends a run, and its exit status: the one
/// exit-code contract of the command line (`zonegrise` applies it to every error its
/// commands throw; the command-line parser's own refusals are exit 2 as well).
///
/// - A user error (`ZonegriseError`, `OSMError`, `TimeModelError`: bad input, a wrong
///   option or value) is one sentence naming the file, the line, feature or OSM id, what
///   is wrong and what to do; exit status 2.
/// - Any other error is a bug, or a broken installation (a PROJ database that cannot be
///   opened): one sentence saying so, with the error's own text on one line and what a
///   report should hold; exit status 70 (`EX_SOFTWARE` of sysexits.h). Never a stack
///   trace: the readers check every value they read, so a user's input does not reach
///   a trap.
public struct ErrorReport: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case user
        case `internal`
    }

    /// Exit status of a user error.
    public static let userExitStatus: Int32 = 2
    /// Exit status of an internal error: `EX_SOFTWARE`.
    public static let internalExitStatus: Int32 = 70

    public var kind: Kind
    /// One line, ending with a full stop, without the tool's prefix (`zonegrise: error: `,
    /// or `zonegrise: internal error: ` for an internal error, whose message starts with
    /// the error's type).
    public var message: String

    public var exitStatus: Int32 { kind == .user ? Self.userExitStatus : Self.internalExitStatus }

    /// Characters of an internal error's own text kept in the message.
    static let internalTextLength = 200

    public init(_ error: any Error) {
        switch error {
        case let error as ZonegriseError:
            self.init(kind: .user, message: error.description)
        case let error as OSMError:
            self.init(kind: .user, message: ZonegriseError.roadNetwork(error).description)
        case let error as TimeModelError:
            self.init(kind: .user, message: ZonegriseError.inconsistent(detail: error.description).description)
        default:
            var text = MessageText.excerpt("\(error)", limit: Self.internalTextLength)
            while text.hasSuffix(".") { text.removeLast() }
            self.init(kind: .internal, message: "\(MessageText.excerpt(String(reflecting: type(of: error)), limit: 80)): \(text); "
                + "this is a bug in zonegrise (or a broken installation of its libraries), not a problem with your input: "
                + "please report it with the command line, this message, the output of `zonegrise --version` and, if you can, the input files.")
        }
    }

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
