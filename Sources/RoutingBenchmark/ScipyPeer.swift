import Foundation
import ZonegriseRouting

/// The scipy peer: writes the graph, the sources and our distances as raw little-endian
/// arrays, runs `scripts/peer_scipy_dijkstra.py` on them and reads its JSON report.
enum ScipyPeer {
    static func write(graph: RoadGraph, sources: [Int32], ours: SearchResult, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var from: [Int32] = []
        from.reserveCapacity(graph.edgeCount)
        for u in 0 ..< graph.nodeCount {
            for _ in graph.firstOut[u] ..< graph.firstOut[u + 1] { from.append(Int32(u)) }
        }
        let distances = (0 ..< Int32(graph.nodeCount)).map { ours.deciseconds($0) ?? UInt32.max }
        try raw(from).write(to: folder.appendingPathComponent("from.int32"))
        try raw(graph.head).write(to: folder.appendingPathComponent("to.int32"))
        try raw(graph.weight).write(to: folder.appendingPathComponent("deciseconds.uint32"))
        try raw(sources).write(to: folder.appendingPathComponent("sources.int32"))
        try raw(distances).write(to: folder.appendingPathComponent("ours.uint32"))
        try Data("{\"nodes\": \(graph.nodeCount)}\n".utf8).write(to: folder.appendingPathComponent("meta.json"))
    }

    /// Runs the script and returns its JSON report.
    static func run(python: String, script: String, folder: URL, repeats: Int, horizonDeciseconds: UInt32) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, folder.path, "--repeats", "\(repeats)", "--horizon", "\(horizonDeciseconds)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw PeerError(message: "\(script) failed (status \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
        }
        return report
    }

    struct PeerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func raw<T: FixedWidthInteger>(_ values: [T]) -> Data {
        values.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }
}
