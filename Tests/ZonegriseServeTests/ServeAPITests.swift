import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise serve` on the demo (osm), through its HTTP API: every endpoint, every bad
/// request, path traversal, and the scenario it saves run through `zonegrise compare`.
@Suite("Serve: API on the demo")
struct ServeAPITests {
    static let addBody = #"{"layers": {"france_services": {"add": [{"commune": "99179"}]}}}"#

    @Test func baseDescribesTheTerritory() throws {
        let server = try ServeProcess.sharedDemo()
        let answer = try server.get("/api/base")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
        let base = try #require(answer.json)
        let communes = try #require(base["communes"] as? [[String: Any]])
        #expect(communes.count == 300)
        #expect(communes.allSatisfy { ($0["d"] as? String)?.hasPrefix("M") == true }, "every commune has map path data")
        let subjects = try #require(base["sujets"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(subjects == ["proximite", "intermediaire", "superieure", "france_services"])
        let layers = try #require(base["couches"] as? [[String: Any]])
        #expect((layers.first?["sites"] as? [Any])?.count == 11)
        // The base's figures: before = after, and the layer's beyond-threshold population is
        // the sum over the communes flagged beyond.
        let summaries = try #require(base["resumes"] as? [[String: Any]])
        let layer = try #require(summaries.first { $0["name"] as? String == "france_services" })
        let before = try #require((layer["avant"] as? [String: Any])?["population"] as? Int)
        let flagged = communes.reduce(0) { sum, c in sum + (((c["auDela"] as? [Bool])?[3] ?? false) ? (c["population"] as! Int) : 0) }
        #expect(before == flagged)
        #expect(before > 0)
        #expect(layer["gainPopulation"] as? Int == 0)
    }

    @Test func evaluateAddsASiteAndSaysWhatChanges() throws {
        let server = try ServeProcess.sharedDemo()
        let answer = try server.post("/api/evaluate", Self.addBody)
        #expect(answer.status == 200, "\(answer.text)")
        let result = try #require(answer.json)
        let summaries = try #require(result["resumes"] as? [[String: Any]])
        let layer = try #require(summaries.first { $0["name"] as? String == "france_services" })
        let gain = try #require(layer["gainPopulation"] as? Int)
        #expect(gain > 0, "a site at Nauverières brings people within 30 minutes")
        // The gammes do not change with a service site.
        for gamme in summaries.prefix(3) { #expect(gamme["gainPopulation"] as? Int == 0) }
        let sites = try #require(result["sites"] as? [[String: Any]])
        #expect(sites.count == 1)
        #expect(sites.first?["gainSeulPopulation"] as? Int == gain, "one site alone: its gain is the scenario's")
        // The communes that change, for the layer, add up to the gain.
        let transitions = try #require(result["transitions"] as? [[String: Any]]).filter { $0["sujet"] as? String == "france_services" }
        let within = transitions.filter { ($0["auDelaAvant"] as? Bool) == true && ($0["auDelaApres"] as? Bool) == false }
        #expect(within.reduce(0) { $0 + ($1["population"] as! Int) } == gain)
        // Each transition names its commune and band by index, for the map.
        let base = try #require(server.get("/api/base").json)
        let communes = try #require(base["communes"] as? [[String: Any]])
        for t in transitions {
            let i = try #require(t["indice"] as? Int)
            #expect(communes[i]["code"] as? String == t["code"] as? String)
            #expect((communes[i]["bandes"] as? [Int])?[3] == t["indiceBandeAvant"] as? Int)
            #expect(t["indiceSujet"] as? Int == 3)
        }
    }

    @Test func removeAndMoveAreEvaluated() throws {
        let server = try ServeProcess.sharedDemo()
        let removed = try server.post("/api/evaluate", #"{"layers": {"france_services": {"remove": ["9908"]}}}"#)
        #expect(removed.status == 200, "\(removed.text)")
        let layer = try #require((removed.json?["resumes"] as? [[String: Any]])?.last)
        #expect(try #require(layer["gainPopulation"] as? Int) <= 0, "closing a site brings no one within the threshold")
        let moved = try server.post("/api/evaluate", #"{"layers": {"france_services": {"move": [{"id": "9901", "commune": "99112"}]}}}"#)
        #expect(moved.status == 200, "\(moved.text)")
        #expect((moved.json?["sites"] as? [[String: Any]])?.first?["type"] as? String == "deplacement")
        let poles = try server.post("/api/evaluate", #"{"poles": {"add": [{"commune": "99007", "gammes": ["intermediaire"]}]}}"#)
        #expect(poles.status == 200, "\(poles.text)")
    }

    @Test func candidatesAreRankedAndMatchAnEvaluation() throws {
        let server = try ServeProcess.sharedDemo()
        let answer = try server.get("/api/candidates?layer=france_services&n=5")
        #expect(answer.status == 200, "\(answer.text)")
        let list = try #require(answer.json?["candidats"] as? [[String: Any]])
        #expect(list.count == 5)
        let gains = list.compactMap { $0["gainPopulation"] as? Int }
        #expect(gains == gains.sorted(by: >))
        #expect(gains[0] > 0)
        // The best candidate's gain is what evaluating a site there alone gives.
        let code = try #require(list[0]["commune"] as? String)
        let evaluated = try server.post("/api/evaluate", #"{"layers": {"france_services": {"add": [{"commune": "\#(code)"}]}}}"#)
        let layer = try #require((evaluated.json?["resumes"] as? [[String: Any]])?.last)
        #expect(layer["gainPopulation"] as? Int == gains[0])
        #expect(try server.get("/api/candidates?layer=france_services").json.flatMap { $0["candidats"] as? [Any] }?.count == 10)
    }

    @Test func scenarioRunThroughCompareGivesTheSameGain() throws {
        let server = try ServeProcess.sharedDemo()
        let body = #"{"name": "essai", "label": "Essai de séance", "layers": {"france_services": {"add": [{"commune": "99179"}, {"longitude": 2.45, "latitude": 49.30}], "remove": ["9908"]}}}"#
        let saved = try server.post("/api/scenario", body)
        #expect(saved.status == 200, "\(saved.text)")
        #expect(saved.headers["content-type"]?.hasPrefix("application/yaml") == true)
        #expect(saved.text.hasPrefix("version: 1\nname: \"essai\"\n"))
        let evaluated = try server.post("/api/evaluate", body)
        let summaries = try #require(evaluated.json?["resumes"] as? [[String: Any]])

        let folder = try RepositoryFolders.makeTemporaryFolder("serve-compare")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        try Data(saved.body).write(to: file)
        let out = folder.appendingPathComponent("out").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServeProcess.binary)
        process.arguments = ["compare", "geodata/demo/demo.yaml", file.path, "--out", out, "-q"]
        process.currentDirectoryURL = RepositoryFolders.root
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let table = try String(contentsOfFile: out + "/comparaison.csv", encoding: .utf8)
        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 4)
        for row in rows {
            let summary = try #require(summaries.first { $0["name"] as? String == row[1] })
            #expect(Int(row[10]) == summary["differencePopulation"] as? Int, "\(row[1]): compare \(row[10]) vs serve \(summary)")
            #expect(Int(row[4]) == (summary["avant"] as? [String: Any])?["population"] as? Int)
            #expect(Int(row[9]) == summary["differenceCommunes"] as? Int)
        }
        // sites.csv: the same ids and gains as the evaluation's sites.
        let sites = try String(contentsOfFile: out + "/sites.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let served = try #require(evaluated.json?["sites"] as? [[String: Any]])
        #expect(sites.map { $0[2] } == served.compactMap { $0["id"] as? String })
        #expect(sites.map { Int($0[6]) } == served.map { $0["gainMarginalPopulation"] as? Int })
    }

    /// Each bad request: a 4xx, a JSON `erreur` of one sentence, and the server still serves.
    @Test(arguments: [
        ("POST", "/api/evaluate", "{not json", 400, "not valid JSON"),
        ("POST", "/api/evaluate", "[1, 2]", 400, "JSON object"),
        ("POST", "/api/evaluate", #"{"layers": {"bibliotheques": {"add": [{"commune": "99179"}]}}}"#, 400, "no service layer"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"add": [{"commune": "62001"}]}}}"#, 400, "commune 62001"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"remove": ["fs-inconnu"]}}}"#, 400, "no site"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"move": [{"id": "nope", "commune": "99112"}]}}}"#, 400, "no site"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"add": [{"longitude": 5.0, "latitude": 45.0}]}}}"#, 400, "outside the territory"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"add": [{"x": 100, "y": 100}]}}}"#, 400, "outside"),
        ("POST", "/api/evaluate", #"{"layers": {"france_services": {"file": "/etc/passwd"}}}"#, 400, "layer file"),
        ("POST", "/api/evaluate", #"{"couches": {}}"#, 400, "unknown key"),
        ("POST", "/api/evaluate", #"{"poles": {"add": [{"commune": "99007", "gammes": ["maximale"]}]}}"#, 400, "maximale"),
        ("POST", "/api/scenario", #"{"layers": {"france_services": {"add": [{"commune": "00000"}]}}}"#, 400, "commune 00000"),
        ("POST", "/api/scenario", #"{"name": "Pas Valide"}"#, 400, "lower-case"),
        ("GET", "/api/candidates?layer=bibliotheques", "", 400, "no service layer"),
        ("GET", "/api/candidates", "", 400, "name a service layer"),
        ("GET", "/api/candidates?layer=france_services&n=0", "", 400, "n must be"),
        ("GET", "/api/inconnu", "", 404, "nothing is served"),
    ])
    func badRequest(method: String, path: String, body: String, status: Int, phrase: String) throws {
        let server = try ServeProcess.sharedDemo()
        let answer = try HTTPExchange.send(port: server.port, method, path, body: Array(body.utf8))
        #expect(answer.status == status, "\(method) \(path) \(body): \(answer.status) \(answer.text)")
        let message = try #require(answer.json?["erreur"] as? String, "\(answer.text)")
        #expect(message.contains(phrase), "\(message)")
        #expect(message.hasSuffix("."))
        #expect(!message.dropLast().contains("\n"))
        #expect(try server.get("/api/base").status == 200, "the server keeps serving")
    }

    @Test func bodyOverTheLimitIsRefused() throws {
        let server = try ServeProcess.sharedDemo()
        let big = Array(("{\"label\": \"" + String(repeating: "a", count: 1_100_000) + "\"}").utf8)
        let answer = try HTTPExchange.send(port: server.port, "POST", "/api/evaluate", body: big)
        #expect(answer.status == 413)
        #expect((answer.json?["erreur"] as? String)?.contains("over the limit") == true, "\(answer.text)")
        #expect(try server.get("/api/base").status == 200)
    }

    /// No path reaches a file: every traversal is a 404 with the JSON error, never a file's bytes.
    @Test(arguments: ["/../Package.swift", "/..%2fPackage.swift", "/%2e%2e/%2e%2e/etc/passwd", "/api/../../etc/passwd",
                      "//etc/passwd", "/index.html/../../Package.swift", "/api/base/../../../../etc/passwd", "/Package.swift",
                      "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/geodata/demo/demo.yaml", "/.build/debug/zonegrise"])
    func pathTraversalServesNoFile(path: String) throws {
        let server = try ServeProcess.sharedDemo()
        let answer = try server.get(path)
        #expect(answer.status == 404 || answer.status == 400, "\(path): \(answer.status)")
        #expect(!answer.text.contains("root:"), "\(path)")
        #expect(!answer.text.contains("swift-tools-version"), "\(path)")
        #expect(!answer.text.contains("service_layers"), "\(path)")
        #expect(answer.json?["erreur"] != nil || answer.status == 400, "\(path): \(answer.text)")
    }

    @Test func pageIsSelfContainedAndFrench() throws {
        let server = try ServeProcess.sharedDemo()
        let page = try server.get("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("<html lang=\"fr\">"))
        #expect(page.text.contains("Télécharger le scénario"))
        // Nothing from elsewhere: no absolute URL but the SVG namespace.
        let external = page.text.components(separatedBy: "http").dropFirst().filter { !$0.hasPrefix("://www.w3.org/2000/svg") }
        #expect(external.isEmpty, "\(external.map { String($0.prefix(40)) })")
        #expect(try server.get("/index.html").text == page.text)
    }

    @Test func warnsWhenNotOnLoopback() throws {
        let server = try ServeProcess(arguments: ["geodata/demo/demo.yaml", "--host", "0.0.0.0"])
        defer { server.stop() }
        #expect(server.url.hasPrefix("http://0.0.0.0:"))
        let errors = try String(contentsOfFile: server.stderrPath, encoding: .utf8)
        #expect(errors.contains("not on loopback"), "\(errors)")
        #expect(try server.get("/api/base").status == 200)
    }
}
