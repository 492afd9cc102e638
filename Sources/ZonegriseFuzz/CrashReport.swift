/// A crash of a child on one input: its class, and a signature that groups crashes of
/// the same cause (the runtime's message and the first frame in the package's sources).
struct CrashReport: Hashable {
    enum Kind: String {
        /// A parser, tokenizer or reader trapped on malformed input: fixed in this project.
        case parser
        /// A number out of range (an overflowing sum, `Int(hugeDouble)`, a non-finite
        /// value written): the number-range fix's, kept apart (`numeric-range/`).
        case numericRange = "numeric-range"
        /// No progress for the watchdog's delay.
        case hang
    }

    var kind: Kind
    var signature: String

    /// Classifies the standard error of a crashed child.
    init(stderr: String, stalled: Bool) {
        if stalled {
            kind = .hang
            signature = "hang"
            return
        }
        let lines = stderr.split(separator: "\n").map(String.init)
        let message = lines.first { $0.contains("Fatal error") || $0.contains("Program crashed") } ?? lines.first ?? "no message"
        let frame = lines.first { $0.contains("/Sources/Zonegrise") && !$0.contains("/Sources/ZonegriseFuzz/") }
            .flatMap { line in line.range(of: "/Sources/").map { String(line[$0.upperBound...]) } } ?? ""
        let trimmedFrame = frame.split(separator: ":").prefix(2).joined(separator: ":")
        let numericWords = ["overflow", "cannot be converted to", "representable", "Not enough bits", "finite", "NaN", "infinity"]
        let numericFrames = lines.contains { line in
            ["Int.init", "infix(_:_:)", "Int(", "FloatingPoint", "BinaryInteger", "&+", "multipliedReportingOverflow"].contains { line.contains($0) }
                && line.contains("Swift")
        }
        // Where numbers out of range trap (found by the campaigns of issue 8): the writers
        // of numbers on non-finite or huge values (a threshold of 1e308), the summaries'
        // population sums.
        let numericSources = ["Zonegrise/Writers/DecimalText.swift", "Zonegrise/Writers/JSONOutput.swift",
                              "ZonegriseCore/Analysis/ZoneGriseSummaries.swift"].contains { trimmedFrame.hasPrefix($0) }
        kind = numericWords.contains { message.contains($0) } || numericFrames || numericSources ? .numericRange : .parser
        let shortMessage = message.replacingOccurrences(of: #"0x[0-9a-f]+"#, with: "0x…", options: .regularExpression)
        signature = "\(kind.rawValue) | \(shortMessage.suffix(160)) | \(trimmedFrame)"
    }
}
