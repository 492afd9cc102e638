import Foundation

/// A request the server refuses: an HTTP status (4xx) and one sentence, sent as
/// `{"erreur": "…"}`.
public struct WhatIfError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status code (400, 404, 413).
    public var status: Int
    /// One sentence ending with a full stop.
    public var message: String

    public init(status: Int = 400, _ message: String) {
        self.status = status
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        self.message = trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }

    public var description: String { "\(status): \(message)" }
}
