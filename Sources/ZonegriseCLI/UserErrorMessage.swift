import Zonegrise

/// The project's form of an error on the command line: one sentence on standard error
/// after `zonegrise: error: `, and exit code 2 for a user mistake.
enum UserErrorMessage {
    static let prefix = "zonegrise: error: "
    static let exitCode: Int32 = ErrorReport.userExitStatus
    /// The prefix of an internal error (exit code 70, `ErrorReport`).
    static let internalPrefix = "zonegrise: internal error: "

    /// ArgumentParser's message as one sentence of ours: on one line, the first word
    /// in lower case, a following sentence joined with a semicolon, a final full stop.
    ///
    /// "Unknown option '--foo'. Did you mean '--out'?" becomes "unknown option '--foo';
    /// did you mean '--out'?"; "Missing expected argument '--out <out>'" becomes
    /// "missing expected argument '--out <out>'.".
    static func sentence(_ message: String) -> String {
        let line = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        var characters = Array(line)
        // "X. Did" → "X; did": a capital followed by a lower-case letter starts a word
        // of a new sentence, not a name (TYPEQU) or a value.
        var index = 0
        while index + 3 < characters.count {
            if characters[index] == ".", characters[index + 1] == " ", startsWord(characters, at: index + 2) {
                characters[index] = ";"
                characters[index + 2] = Character(characters[index + 2].lowercased())
            }
            index += 1
        }
        if startsWord(characters, at: 0) { characters[0] = Character(characters[0].lowercased()) }
        var text = String(characters)
        if let last = text.last, !".?!".contains(last) { text += "." }
        return text
    }

    private static func startsWord(_ characters: [Character], at index: Int) -> Bool {
        index + 1 < characters.count && characters[index].isUppercase && characters[index + 1].isLowercase
    }
}
