import Foundation

/// Command-line options of `zonegrise-osm-bench`.
struct OSMBenchOptions {
    var file = ""
    var repeats = 5
    /// Where to write the pruned graph's edge list (`from,to,deciseconds`), if anywhere.
    var edgesCSV: String?
    /// A car profile file instead of the built-in default (`profiles/car.yaml`'s values).
    var profile: String?
    /// Where to write the pruned graph's cache to time writing and reading it, if anywhere.
    var cache: String?
    /// Whether to measure chain contraction behind the segment index.
    var contraction = false

    static let usage = """
        usage: zonegrise-osm-bench FILE.osm.pbf|FILE.osm [--repeats N] [--edges OUT.csv] [--profile car.yaml] [--cache OUT.zgcache] [--contraction]
        Times reading FILE (readosm alone, Swift values, RoadExtractor's two passes), then building
        the routing graph from it (extract + CSR + largest strongly connected component), split into
        what readosm alone costs and what zonegrise adds. --edges writes the pruned graph as
        from,to,deciseconds for zonegrise-routing-bench --edges (scripts/bench-osm.sh). --cache writes
        the pruned graph's cache there and times writing it and reading it back into a graph.
        --contraction measures chain contraction behind the segment index (docs/ROUTING.md).
        """

    static func parse(_ arguments: [String]) -> OSMBenchOptions {
        var options = OSMBenchOptions()
        var rest = arguments[...]
        func value(_ name: String) -> String {
            guard let v = rest.popFirst() else { fail("\(name) needs a value") }
            return v
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--repeats":
                guard let n = Int(value(argument)), n > 0 else { fail("--repeats takes a positive number") }
                options.repeats = n
            case "--edges": options.edgesCSV = value(argument)
            case "--profile": options.profile = value(argument)
            case "--cache": options.cache = value(argument)
            case "--contraction": options.contraction = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                if argument.hasPrefix("-") || !options.file.isEmpty { fail("unexpected argument \(argument)") }
                options.file = argument
            }
        }
        if options.file.isEmpty { fail("name an OpenStreetMap file") }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("zonegrise-osm-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
