import ArgumentParser

/// The word given to an option that takes one of a few (`--time-model osm`), for a
/// domain enum of another module (`TimeModelConfiguration.Kind`, `ThresholdComparison`,
/// `MatrixModel.MissingPairs`, `UnmatchedRows`).
///
/// ArgumentParser gets the words from `Choice.allCases`, so `--help` lists them and shell
/// completion offers them. The word itself is checked by the library, when
/// `AnalysisOverrides.apply(to:)` hands it to `AnalysisConfiguration.apply(_:value:source:)`:
///
/// - The project's sentence for a wrong word is the manifest's, made by the library
///   (`--time-model: time_model.kind: "teleport" is not one of crowfly, matrix, osm.`).
///   Had `init?(argument:)` refused the word, ArgumentParser would have printed its own
///   ("The value 'teleport' is invalid for '--time-model <time-model>'…"), built from
///   internal error types that a custom `main()` cannot take apart to say it our way.
///   So parsing keeps any word, and the check happens exactly where, and in the order,
///   it did before the options were typed.
/// - Why not `extension TimeModelConfiguration.Kind: @retroactive ExpressibleByArgument`:
///   besides the sentence above, a retroactive conformance is global and would clash
///   with one the library or ArgumentParser may add; this wrapper keeps the library free
///   of ArgumentParser and the domain enums free of command-line concerns.
struct ChoiceArgument<Choice>: ExpressibleByArgument, Sendable
where Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
    /// The word as typed.
    let text: String

    /// Never fails: see the type's comment.
    init?(argument: String) {
        text = argument
    }

    /// The choice named, or nil for a word that is not one (reported when applied).
    var choice: Choice? { Choice(rawValue: text) }

    var defaultValueDescription: String { text }

    static var allValueStrings: [String] { Choice.allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
