import ZonegriseCore

/// `rapport.html` and `cartes/NAME.svg`, one file per map of the report (docs/OUTPUTS.md).
/// One writer for `analyse`, `compare` and `recommend`: the comparison and
/// recommendation sections appear when the outputs hold them.
public struct ReportOutput: OutputWriter {
    public init() {}

    /// The folder of the standalone maps.
    static let mapFolder = "cartes"

    public var group: OutputGroup { .rapport }

    public func files(for outputs: AnalysisOutputs) async throws -> [OutputFile] {
        guard !outputs.result.communes.isEmpty else { return [] }
        let renderer = try await SimplifiedCommunes.renderer(for: outputs)
        let manifest = try await outputs.provenance?.manifest(for: outputs)
        let document = ReportDocument(outputs: outputs, renderer: renderer, maps: ReportMaps(outputs: outputs, palette: renderer.palette),
                                      manifest: manifest)
        let (html, maps) = try await document.render()
        var files = [OutputFile(name: "rapport.html", bytes: Array(html.utf8))]
        for map in maps {
            let (head, content) = (renderer.head(map, standalone: true), document.drawn.contentByName[map.name] ?? renderer.content(map))
            var bytes: [UInt8] = []
            bytes.reserveCapacity(head.utf8.count + content.utf8.count)
            bytes.append(contentsOf: head.utf8)
            bytes.append(contentsOf: content.utf8)
            files.append(OutputFile(name: "\(Self.mapFolder)/\(map.name).svg", bytes: bytes))
        }
        return files
    }
}
