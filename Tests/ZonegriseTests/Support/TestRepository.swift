@testable import Zonegrise
import ZonegriseTestSupport

/// The repository, the shared real data and temporary folders (`RepositoryFolders` of
/// the test support target).
typealias TestRepository = RepositoryFolders

/// The `ZonegriseError` thrown by `body`, or nil (with the other error recorded in the text).
func zonegriseError(_ body: () throws -> Void) -> (error: ZonegriseError?, text: String) {
    caughtError(ZonegriseError.self, body)
}

/// `zonegriseError` for an asynchronous body (a whole run).
func asyncZonegriseError(_ body: () async throws -> Void) async -> (error: ZonegriseError?, text: String) {
    await caughtError(ZonegriseError.self, body)
}
