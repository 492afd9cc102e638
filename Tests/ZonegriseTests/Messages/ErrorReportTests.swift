import Foundation
import Testing
import Yams
@testable import Zonegrise
import ZonegriseCore
import ZonegriseNative
import ZonegriseOSM

/// `ErrorReport`, the mapping of the exit-code contract: user errors exit 2 with their
/// sentence, anything else exits 70 with one sentence asking for a report. Before it,
/// every error that was not a `ZonegriseError` left the tool with exit code 1 and
/// ArgumentParser's `Error:`, whatever it was.
@Suite("Messages: error report and exit status")
struct ErrorReportTests {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "first line\nsecond line\u{1B}[31m with an escape." }
    }

    @Test func userErrorsExitTwoWithTheirSentence() {
        let user: [(any Error, String)] = [
            (ZonegriseError.malformed(file: "/d/a.csv", line: 3, detail: "broken"), "/d/a.csv:3: broken."),
            (OSMError.corruptCache(file: "/d/g.zgcache"), OSMError.corruptCache(file: "/d/g.zgcache").description),
            (TimeModelError.missingPairs(file: "/d/m.csv", firstOrigin: "99001", firstDestination: "99002", count: 1),
             "/d/m.csv: no travel time from 99001 to 99002; add the pairs or set time_model.matrix.missing to crowfly or unreachable."),
        ]
        for (error, message) in user {
            let report = ErrorReport(error)
            #expect(report.kind == .user)
            #expect(report.exitStatus == 2)
            #expect(report.message == message)
        }
    }

    @Test(arguments: [
        NativeError.proj(operation: "create the transformation EPSG:4326 → EPSG:2154", message: "no database"),
        NativeError.geos(operation: "union", message: "TopologyException."),
    ])
    func nativeErrorsThatEscapeAreInternal(error: NativeError) {
        let report = ErrorReport(error)
        #expect(report.kind == .internal)
        #expect(report.exitStatus == 70)
        #expect(report.message.hasPrefix("ZonegriseNative.NativeError: \(error.reason); this is a bug in zonegrise"), "\(report.message)")
        MessageCatalogueTests.expectOneSentence(report.message, file: nil)
    }

    @Test func foreignErrorsAreInternalOnOneEscapedLine() {
        let errors: [any Error] = [
            CocoaError(.fileWriteOutOfSpace), Unexpected(), CancellationError(),
            DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON")),
            YamlError.dataCouldNotBeDecoded(encoding: .utf8),
        ]
        for error in errors {
            let report = ErrorReport(error)
            #expect(report.kind == .internal, "\(error)")
            #expect(report.exitStatus == ErrorReport.internalExitStatus)
            #expect(report.message.hasSuffix("please report it with the command line, this message, the output of `zonegrise --version` and, if you can, the input files."))
            MessageCatalogueTests.expectOneSentence(report.message, file: nil)
        }
        #expect(ErrorReport(Unexpected()).message.hasPrefix("ZonegriseTests.ErrorReportTests.Unexpected: first line\\x0Asecond line\\x1B[31m with an escape; this is a bug"))
    }

    /// A long internal message is cut: the report stays one readable line.
    @Test func longInternalTextIsCut() {
        struct Long: Error, CustomStringConvertible { var description: String { String(repeating: "x", count: 5000) } }
        let report = ErrorReport(Long())
        #expect(report.message.count < 600, "\(report.message.count)")
        #expect(report.message.contains("…; this is a bug"))
    }
}
