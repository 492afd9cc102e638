import Foundation

/// A fresh temporary folder, removed when the value goes.
final class ScratchFolder {
    let folder: URL
    init(_ label: String) throws { folder = try TestRepository.makeTemporaryFolder(label) }
    deinit { TestRepository.removeTemporaryFolder(folder) }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
