import Foundation

/// What an oracle or real-data test needs beyond the repository (the shared data, GDAL's
/// `ogrinfo`, Python with scipy, `gzip`): the test skips with a message where it is
/// missing, except in CI (the `CI` environment variable set and not empty, as `.ci/run`
/// is run), where a missing prerequisite is a failure, so that an install step that
/// silently failed cannot turn an oracle into a pass.
///
/// Each test target wraps `check` in a `ConditionTrait` (`.requires(…)`, in its
/// `Support/RequiresTrait.swift`): a condition that throws fails the test.
package enum Prerequisite {
    /// True when the `CI` environment variable is set and not empty.
    package static var isCI: Bool {
        !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    /// Whether a test needing `what` runs: true when it is `available`, false (skipped)
    /// when it is not, and a thrown `Missing` (a failure) when it is not and `CI` is set.
    package static func check(_ available: Bool, _ what: String) throws -> Bool {
        if available { return true }
        if isCI { throw Missing(what: what) }
        return false
    }

    /// A prerequisite absent in CI.
    package struct Missing: Error, CustomStringConvertible {
        package var what: String
        package var description: String {
            "CI is set and this oracle or real-data test cannot run: it needs \(what); install it (scripts/install-deps.sh) or provide it, a skip is a failure in CI"
        }
    }

    /// The shared real data (`../shared/geodata` or `$ZONEGRISE_GEODATA`) holds `relative`.
    package static func hasSharedFile(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: RepositoryFolders.sharedGeodata.appendingPathComponent(relative).path)
    }

    /// The first executable of `candidates` (absolute paths).
    package static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A Python interpreter that imports numpy and scipy: `$ZONEGRISE_PYTHON` when set,
    /// else Debian's `/usr/bin/python3` (scripts/install-deps.sh installs python3-numpy and
    /// python3-scipy for it), else the first `python3` on `PATH` (a pyenv or virtual
    /// environment); nil when none does. Costs one Python start per candidate tried.
    package static let scipyPython: String? = {
        var candidates: [String] = []
        if let chosen = ProcessInfo.processInfo.environment["ZONEGRISE_PYTHON"], !chosen.isEmpty {
            candidates = [chosen]
        } else {
            candidates = ["/usr/bin/python3"]
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let path = "\(folder)/python3"
                if !candidates.contains(path) { candidates.append(path) }
            }
        }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-c", "import numpy, scipy.sparse.csgraph"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }()
}
