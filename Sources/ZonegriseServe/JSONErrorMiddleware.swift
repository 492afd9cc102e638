import Hummingbird

/// Turns every refusal into `{"erreur": "one sentence."}` with its status: a
/// `WhatIfError` from a handler, the router's 404 and 405, a body over the limit (413).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WhatIfError {
            return WhatIfServer.json(error: error)
        } catch let error as any HTTPResponseError {
            // The router's 404 and 405 (`HTTPError`), a body over the limit (NIO's too many bytes).
            switch error.status {
            case .notFound:
                return WhatIfServer.json(error: WhatIfError(status: 404, "nothing is served at this path; the page is at / and the API under /api (docs/SERVE.md)"))
            case .methodNotAllowed:
                return WhatIfServer.json(error: WhatIfError(status: 405, "this method is not accepted at this path (docs/SERVE.md)"))
            case .contentTooLarge:
                return WhatIfServer.json(error: WhatIfError(status: 413, "the request body is over the limit of \(WhatIfServer.bodyLimitBytes) bytes"))
            default:
                return WhatIfServer.json(error: WhatIfError(status: error.status.code, (error as? HTTPError)?.body ?? "the request was refused"))
            }
        }
    }
}
