import Foundation

/// The small territory the pipeline targets mutate one file of: département 99, nine
/// square communes on a 3 × 3 grid in WGS84 (as `PipelineTerritory` in the tests), a
/// pole of every gamme in 99005, France Services sites, a subdivision file, a matrix,
/// a scenario; written once per child process into a temporary folder.
struct FuzzTerritory: Sendable {
    let folder: URL

    static func square(_ index: Int) -> String {
        let x0 = 2.0 + 0.03 * Double(index % 3), y0 = 47.0 + 0.02 * Double(index / 3)
        let ring = [(x0, y0), (x0 + 0.03, y0), (x0 + 0.03, y0 + 0.02), (x0, y0 + 0.02), (x0, y0)]
        let coordinates = ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"9900\(index + 1)\",\"nom\":\"Commune \(index + 1)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}"
    }

    /// The files of the territory by name.
    static let files: [String: String] = [
        "communes.geojson": "{\"type\":\"FeatureCollection\",\"features\":[\n" + (0 ..< 9).map(square).joined(separator: ",\n") + "\n]}\n",
        "populations.csv": "code,population\n99001,1200\n99002,300\n99003,250\n99004,400\n99005,5000\n99006,350\n99007,150\n99008,220\n99009,180\n",
        "bpe.csv": "DEPCOM,TYPEQU,NB_EQUIP\n99001,P1,1\n99005,P1,2\n99005,I1,1\n99005,S1,1\n99009,X9,1\n",
        "gammes.csv": "typequ,gamme\nP1,proximite\nI1,intermediaire\nS1,superieure\n",
        "france-services.csv": "id_fs,lib_fs,insee_com,latitude,longitude\nfs-1,Centre,99005,47.03,2.045\nfs-2,Ailleurs,98001,45.0,5.0\nfs-3,Perdu,,45.5,4.5\n",
        "arrondissements.csv": "commune,code,nom\n99001,A,Ouest\n99002,A,Ouest\n99003,B,Est\n99004,A,Ouest\n99005,B,Est\n99006,B,Est\n99007,A,Ouest\n99008,B,Est\n99009,B,Est\n",
        "matrix.csv": "origin,destination,minutes\n99001,99005,7.5\n99002,99005,4\n99003,99005,6\n99002,99001,3\n",
        "manifest.yaml": """
        version: 1
        name: Fuzz
        analysis_area: ["99"]
        communes:
          files: [communes.geojson]
        populations: populations.csv
        equipment: bpe.csv
        gammes: gammes.csv
        thresholds: {proximite: 10, intermediaire: 20, superieure: 30}
        bands: [5, 10, 20]
        poles: {share: 0.5}
        service_layers:
          - name: france_services
            file: france-services.csv
            threshold: 30
        subdivisions:
          - name: arrondissement
            file: arrondissements.csv

        """,
        "manifest-matrix.yaml": """
        version: 1
        analysis_area: ["99"]
        communes: communes.geojson
        populations: populations.csv
        equipment: bpe.csv
        gammes: gammes.csv
        time_model:
          kind: matrix
          matrix: {file: matrix.csv, missing: crowfly}

        """,
        "scenario.yaml": """
        version: 1
        name: nouveaux
        label: "Un site et un bus"
        base: manifest.yaml
        layers:
          france_services:
            add:
              - commune: "99009"
                id: "fs-new"
                name: "Nouveau"
              - {id: "fs-xy", name: "Point", latitude: 47.05, longitude: 2.07}
            remove: ["fs-1"]
            itinerant:
              - name: "Bus"
                stops:
                  - {commune: "99007", days: [lundi, jeudi]}

        """,
    ]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in Self.files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `body` with file `name` replaced by `bytes`, then puts the original back.
    func with<T>(_ name: String, replacedBy bytes: [UInt8], _ body: () async throws -> T) async rethrows -> T {
        let url = folder.appendingPathComponent(name)
        try? Data(bytes).write(to: url)
        defer { try? Data(Self.files[name]!.utf8).write(to: url) }
        return try await body()
    }

    /// A fresh, empty output folder.
    func outputFolder() -> String {
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)")
        return out.path
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
