import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, one request per connection: the
/// request line is sent as written (a path with `..` or `%2e` is not normalised, as
/// URLSession would), so that the tests can try path traversal. Shared by the tests of
/// `zonegrise serve` and the load of `zonegrise-scenario-bench --serve-load`.
package struct HTTPExchange: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: [UInt8]
    package var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (nil when it is not one).
    package var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        package init(description: String) { self.description = description }
    }

    /// Sends `method path` with `body` to 127.0.0.1:`port` and reads the whole answer.
    /// - Complexity: one connection; reads until the server closes it.
    package static func send(port: Int, _ method: String, _ path: String, body: [UInt8] = [], contentType: String = "application/json",
                     timeoutSeconds: Int = 60) throws -> HTTPExchange {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !body.isEmpty || method == "POST" { request += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer (413) and close before the whole body is sent.
            if n <= 0 { break }
            sent += n
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += chunk[0 ..< n]
        }
        return try parse(received)
    }

    /// Splits an HTTP/1.1 answer (Content-Length or chunked).
    package static func parse(_ bytes: [UInt8]) throws -> HTTPExchange {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0 ..< max(0, bytes.count - 3)).first(where: { Array(bytes[$0 ..< $0 + 4]) == separator }) else {
            throw Failure(description: "no complete HTTP answer (\(bytes.count) bytes)")
        }
        let head = String(decoding: bytes[0 ..< end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var out: [UInt8] = []
            var i = 0
            while i < body.count {
                guard let lineEnd = (i ..< body.count - 1).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }),
                      let size = Int(String(decoding: body[i ..< lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16) else { break }
                if size == 0 { break }
                out += body[(lineEnd + 2) ..< min(body.count, lineEnd + 2 + size)]
                i = lineEnd + 2 + size + 2
            }
            body = out
        }
        return HTTPExchange(status: status, headers: headers, body: body)
    }
}
