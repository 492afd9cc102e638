import Foundation
import ZonegriseRouting

/// Command-line options of `zonegrise-routing-bench`.
struct BenchmarkOptions {
    var columns = 1000
    var rows = 1000
    /// An edge list CSV (`from,to,deciseconds`, dense ids) instead of the synthetic grid.
    var edgesCSV: String?
    /// Number nodes in random order (as OSM ids can be) instead of row by row.
    var shuffleNodes = false
    var sources = 2000
    var seed: UInt64 = 42
    var repeats = 5
    /// Horizon of the bounded timing, in minutes.
    var horizonMinutes = 30.0
    /// Queues to time; the first is compared with scipy.
    var queues = MultiSourceSearch.Queue.allCases
    var runPeer = true
    var python = "python3"
    var peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/peer_scipy_dijkstra.py").path
    /// Where the edge list, sources and distances go (a new temporary folder by default).
    var folder: String?

    static let usage = """
        usage: zonegrise-routing-bench [--grid COLUMNSxROWS] [--edges FILE.csv] [--shuffle-nodes] [--sources N] [--seed N]
                                       [--repeats N] [--horizon-minutes M] [--queues Q1,Q2] [--no-peer] [--python PATH]
                                       [--peer-script PATH] [--folder DIR]
        Times graph building and one multi-source pass (bucket queue, radix heap, binary heap),
        then scipy.sparse.csgraph.dijkstra(min_only=True) on the same graph, and checks both agree.
        """

    static func parse(_ arguments: [String]) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var rest = arguments[...]
        func value(_ name: String) -> String {
            guard let v = rest.popFirst() else { fail("\(name) needs a value") }
            return v
        }
        func number<T: LosslessStringConvertible>(_ name: String) -> T {
            let text = value(name)
            guard let v = T(text) else { fail("\(name): not a number: \(text)") }
            return v
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--grid":
                let parts = value(argument).split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts.allSatisfy({ $0 > 0 }) else { fail("--grid takes COLUMNSxROWS, e.g. 1000x1000") }
                options.columns = parts[0]
                options.rows = parts[1]
            case "--edges": options.edgesCSV = value(argument)
            case "--sources": options.sources = number(argument)
            case "--shuffle-nodes": options.shuffleNodes = true
            case "--seed": options.seed = number(argument)
            case "--repeats": options.repeats = max(1, number(argument))
            case "--horizon-minutes": options.horizonMinutes = number(argument)
            case "--queues":
                let names = value(argument).split(separator: ",").map(String.init)
                options.queues = names.map { name in
                    guard let queue = MultiSourceSearch.Queue.allCases.first(where: { "\($0)" == name }) else {
                        fail("unknown queue \(name); known: \(MultiSourceSearch.Queue.allCases.map { "\($0)" }.joined(separator: ", "))")
                    }
                    return queue
                }
            case "--no-peer": options.runPeer = false
            case "--python": options.python = value(argument)
            case "--peer-script": options.peerScript = value(argument)
            case "--folder": options.folder = value(argument)
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown option \(argument)")
            }
        }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("zonegrise-routing-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
