import Foundation
import ZonegriseTestSupport

/// `--serve-load URL`: 8 clients (`--clients`), 2,000 what-if requests (`--requests`) on
/// a running `zonegrise serve`, each adding a site (one in four: two) at communes drawn
/// with the seed; prints p50 / p99 and the errors.
func serveLoad(url: String, clients: Int, total: Int, seed: UInt64) throws -> LoadGenerator.Report {
    guard let port = URLComponents(string: url)?.port else { throw HTTPExchange.Failure(description: "\(url) names no port") }
    let base = try HTTPExchange.send(port: port, "GET", "/api/base")
    guard let json = base.json, let communes = json["communes"] as? [[String: Any]],
          let layer = (json["couches"] as? [[String: Any]])?.first?["name"] as? String else {
        throw HTTPExchange.Failure(description: "\(url)api/base: no communes or no layer (\(base.status))")
    }
    let codes = communes.compactMap { $0["code"] as? String }
    var rng = SplitMix64(seed: seed)
    let bodies: [[UInt8]] = (0 ..< total).map { i in
        let first = codes[Int.random(in: 0 ..< codes.count, using: &rng)], second = codes[Int.random(in: 0 ..< codes.count, using: &rng)]
        let adds = i % 4 == 3 ? "{\"commune\": \"\(first)\"}, {\"commune\": \"\(second)\"}" : "{\"commune\": \"\(first)\"}"
        return Array("{\"layers\": {\"\(layer)\": {\"add\": [\(adds)]}}}".utf8)
    }
    return LoadGenerator(port: port, clients: clients, total: total).run(path: "/api/evaluate") { bodies[$0] }
}
