import ArgumentParser
import Foundation
import Zonegrise
import ZonegriseCore
import ZonegriseServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a what-if page: click a commune to add a site, see the figures change (docs/SERVE.md).",
        discussion: """
        Loads the territory, the time model and the base analysis once, then serves a page \
        (the commune map, the figures before and after, the communes that change, the candidate \
        ranking, the scenario YAML for compare) and its JSON API (GET /api/base, POST /api/evaluate, \
        GET /api/candidates, POST /api/scenario). The first line printed on standard output is \
        the page's URL. Writes nothing: without --graph-cache (or time_model.osm.cache) the osm \
        road graph is built again at each start. Stops on Ctrl-C. Flags override the manifest's \
        values (--outputs does not apply).
        """
    )

    @Argument(help: "The territory manifest (YAML, docs/MANIFEST.md).")
    var manifest: String

    @Option(help: "Port to listen on (0: a free one, printed).")
    var port = 8080

    @Option(help: "Address to listen on; anything but loopback serves the page to the network (a warning says so).")
    var host = "127.0.0.1"

    @OptionGroup var overrides: AnalysisOverrides

    @Flag(name: .shortAndLong, help: "Print nothing but the URL and errors (no progress or warnings).")
    var quiet = false

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
        guard overrides.outputs == nil else { throw ValidationError("--outputs: zonegrise serve writes no output files") }
    }

    func run() async throws {
        var config = try TerritoryManifest.load(path: manifest)
        try overrides.apply(to: &config)
        let progress = TerminalProgress(enabled: !quiet)
        let state: WhatIfState
        do {
            defer { progress.finish() }
            state = try await WhatIfState.load(configuration: config, progress: progress.reporter)
        }
        if !quiet { for warning in state.warnings { printError("zonegrise: warning: \(warning)") } }
        if !WhatIfServer.isLoopback(host) {
            printError("zonegrise: warning: listening on \(host), not on loopback: anyone who reaches this machine can use the page and the API")
        }
        let quiet = self.quiet
        try await WhatIfServer.run(evaluator: WhatIfEvaluator(state: state), host: host, port: port) { url in
            // Unbuffered: a test or a script reads the URL while the server runs.
            FileHandle.standardOutput.write(Data((url + "\n").utf8))
            if !quiet { printError("zonegrise: serving \(url) (Ctrl-C to stop)") }
        }
    }
}
