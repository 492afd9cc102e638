import Foundation
import ZonegriseTestSupport

/// Debian's `chromium` run headless on a local page, in a fresh profile, with a time
/// limit (`timeout 60`): a screenshot, the DOM after layout, and the net log of every
/// request it made.
enum HeadlessChromium {
    static let executable = Prerequisite.executable(["/usr/bin/chromium", "/usr/bin/chromium-browser"])
    static let timeout = Prerequisite.executable(["/usr/bin/timeout"])
    static var isAvailable: Bool { executable != nil && timeout != nil }

    /// Flags that keep the browser's own background requests (updates, accounts, sync)
    /// down; those left are told apart from the page's by their initiator.
    static let quietFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                             "--hide-scrollbars"]

    struct Run {
        var dom: String
        /// Requests made for the page (not the browser's own): their URLs.
        var pageRequests: [String]
    }

    /// Loads `page`, dumping its DOM and logging the network to `scratch`.
    static func dumpDOM(_ page: URL, scratch: URL) throws -> Run {
        let netLog = scratch.appendingPathComponent("net-\(UUID().uuidString).json")
        let out = try run(quietFlags + ["--user-data-dir=\(scratch.appendingPathComponent("profile-dom").path)", "--log-net-log=\(netLog.path)",
                                        "--dump-dom", page.absoluteString])
        return Run(dom: out, pageRequests: try pageRequests(netLog))
    }

    /// A PNG screenshot of `page` at `width` × `height` CSS pixels.
    static func screenshot(_ page: URL, to png: URL, width: Int, height: Int, scratch: URL) throws {
        _ = try run(quietFlags + ["--user-data-dir=\(scratch.appendingPathComponent("profile-shot").path)", "--screenshot=\(png.path)",
                                  "--window-size=\(width),\(height)", page.absoluteString])
    }

    /// The URLs of `URL_REQUEST_START_JOB` events whose initiator is an origin (a page's
    /// request; the browser's own requests say `not an origin`).
    static func pageRequests(_ netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = log["constants"] as? [String: Any], let types = constants["logEventTypes"] as? [String: Int],
              let start = types["URL_REQUEST_START_JOB"], let events = log["events"] as? [[String: Any]] else {
            throw Failure(message: "\(netLog.path) is not a Chromium net log")
        }
        return events.compactMap { event in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any], let url = params["url"] as? String else { return nil }
            return params["initiator"] as? String == "not an origin" ? nil : url
        }
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    static func run(_ arguments: [String]) throws -> String {
        guard let executable, let timeout else { throw Failure(message: "chromium is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeout)
        process.arguments = ["60", executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: "chromium exited with status \(process.terminationStatus) (\(arguments.last ?? ""))") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The pixels of an 8-bit RGB or RGBA PNG (what Chromium's screenshots are), decoded
/// with python3's zlib and the five PNG row filters.
struct PNGImage {
    var width: Int
    var height: Int
    /// Bytes per pixel (3 or 4), rows top to bottom, unfiltered.
    var channels: Int
    var pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, bytes[0 ..< 8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "not a PNG") }
        var offset = 8, data: [UInt8] = [], header: [UInt8] = []
        let be32 = { (at: Int) in Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        while offset + 8 <= bytes.count {
            let length = be32(offset), type = String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self)
            let body = Array(bytes[offset + 8 ..< offset + 8 + length])
            if type == "IHDR" { header = body } else if type == "IDAT" { data += body } else if type == "IEND" { break }
            offset += 12 + length
        }
        guard header.count == 13, header[8] == 8, header[12] == 0, [2, 6].contains(header[9]) else { throw Failure(description: "not an 8-bit RGB(A) non-interlaced PNG") }
        width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        channels = header[9] == 6 ? 4 : 3
        let raw = try Self.inflate(data)
        let stride = width * channels
        guard raw.count == height * (stride + 1) else { throw Failure(description: "PNG data has \(raw.count) bytes, not \(height * (stride + 1))") }
        var out = [UInt8](repeating: 0, count: height * stride)
        for row in 0 ..< height {
            let filter = raw[row * (stride + 1)], source = row * (stride + 1) + 1, target = row * stride
            for i in 0 ..< stride {
                let x = Int(raw[source + i])
                let a = i >= channels ? Int(out[target + i - channels]) : 0
                let b = row > 0 ? Int(out[target - stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(out[target - stride + i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                default:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                }
                out[target + i] = UInt8((x + predicted) & 0xFF)
            }
        }
        pixels = out
    }

    /// The zlib stream of the IDAT chunks inflated by python3's zlib (the tool library's
    /// `Gzip` reads gzip members only).
    static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        guard let python = Prerequisite.executable(["/usr/bin/python3"]) else { throw Failure(description: "python3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Written from another thread: the output pipe must drain while the input fills.
        let writer = Thread { input.fileHandleForWriting.write(Data(data)); try? input.fileHandleForWriting.close() }
        writer.start()
        let raw = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "python3 could not inflate the PNG data") }
        return [UInt8](raw)
    }

    /// Pixels with a colour channel below `threshold` (not white or near white).
    func nonWhitePixels(threshold: UInt8 = 235) -> Int {
        var count = 0
        for p in stride(from: 0, to: pixels.count, by: channels) where pixels[p] < threshold || pixels[p + 1] < threshold || pixels[p + 2] < threshold {
            count += 1
        }
        return count
    }
}
