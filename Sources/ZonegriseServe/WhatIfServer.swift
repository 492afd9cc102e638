import Foundation
import Hummingbird

/// The HTTP server of `zonegrise serve` (Hummingbird 2): the page at `/`, the JSON API
/// under `/api` (docs/SERVE.md), nothing else. No file is read from disk to answer: the
/// page is compiled in (`ServePage`), so no path can reach a file.
public enum WhatIfServer {
    /// The largest request body read, in bytes.
    public static let bodyLimitBytes = 1_048_576

    /// The router of every route, on `evaluator`.
    static func router(_ evaluator: WhatIfEvaluator) -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(JSONErrorMiddleware())
        let page = ByteBuffer(string: ServePage.html)
        let base = ByteBuffer(bytes: evaluator.baseJSON())
        for path in ["/", "/index.html"] {
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"], body: .init(byteBuffer: page))
            }
        }
        router.get("/api/base") { _, _ in json(base) }
        router.get("/api/candidates") { request, _ in
            let query = request.uri.queryParameters
            return json(ByteBuffer(bytes: try evaluator.candidatesJSON(layer: query["layer"].map(String.init), count: query["n"].map(String.init))))
        }
        router.post("/api/evaluate") { request, _ in
            let body = try await collect(request)
            return json(ByteBuffer(bytes: try evaluator.evaluate(json: body)))
        }
        router.post("/api/scenario") { request, _ in
            let body = try await collect(request)
            let text = try evaluator.scenarioText(json: body)
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"scenario.yaml\""],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }

    /// Serves until SIGINT or SIGTERM.
    /// - Parameters:
    ///   - host: the address to bind (127.0.0.1 by default in the tool).
    ///   - port: the port; 0 picks a free one.
    ///   - onRunning: called once bound, with the page's URL (`http://HOST:PORT/`).
    public static func run(evaluator: WhatIfEvaluator, host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(router: router(evaluator), configuration: .init(address: .hostname(host, port: port), serverName: "zonegrise"),
                              onServerRunning: { channel in
                                  let bound = channel.localAddress?.port ?? port
                                  let shown = host.contains(":") ? "[\(host)]" : host
                                  onRunning("http://\(shown):\(bound)/")
                              })
        try await app.runService()
    }

    /// The body, up to the limit.
    static func collect(_ request: Request) async throws -> [UInt8] {
        var buffer = try await request.body.collect(upTo: bodyLimitBytes)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    static func json(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    static func json(error: WhatIfError) -> Response {
        let body = WhatIfEvaluator.encode(["erreur": error.message])
        return json(ByteBuffer(bytes: body), status: HTTPResponse.Status(code: error.status))
    }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
