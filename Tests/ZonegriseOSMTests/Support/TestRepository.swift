@testable import ZonegriseOSM
import ZonegriseTestSupport

/// The repository, the shared real data and temporary folders (`RepositoryFolders` of
/// the test support target).
typealias TestRepository = RepositoryFolders

/// The `OSMError` thrown by `body`, or nil (with the other error recorded in the text).
func osmError(_ body: () throws -> Void) -> (error: OSMError?, text: String) {
    caughtError(OSMError.self, body)
}
