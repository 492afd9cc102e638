import Foundation
import ZonegriseCore
import ZonegriseOSM

/// What the runs of one child process share: the territory of the pipeline targets and a
/// scratch folder.
final class FuzzContext: Sendable {
    let territory: FuzzTerritory

    init() throws { territory = try FuzzTerritory() }

    func scratch(_ name: String) -> String { territory.path("scratch-" + name) }

    func loadRoads(_ bytes: [UInt8], suffix: String) throws {
        let path = scratch("roads" + suffix)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        _ = try RoadNetworkLoader(osmPath: path, profilePath: nil, cachePath: scratch("roads.zgcache"), warnings: Warnings(), defersCacheWrite: true).load()
    }
}
