import ZonegriseCore

/// The analysed communes as SVG path data in one map frame (the report's simplified
/// geometries, `SimplifiedCommunes`), with the projection of points into that frame and
/// the band colours of the report's maps: what `zonegrise serve`'s page draws.
public struct CommuneMapShapes: Sendable {
    /// Commune codes, in the order of the analysis result's communes.
    public let codes: [String]
    /// One path `d` attribute per commune (viewBox units, y down).
    public let paths: [String]
    /// The viewBox size of the map area.
    public let widthUnits: Double
    public let heightUnits: Double
    /// One `#rrggbb` colour per travel-time band, nearest first.
    public let bandColours: [String]
    private let frame: MapFrame

    /// - Complexity: the simplification of every analysed commune (as for the report's
    ///   maps: about a second for a département, split over the cores).
    public init(result: AnalysisResult, territory: LoadedTerritory) async throws {
        let renderer = try await SimplifiedCommunes.renderer(for: AnalysisOutputs(result: result, territory: territory))
        codes = renderer.codes
        paths = renderer.communePaths
        frame = renderer.frame
        widthUnits = MapFrame.widthUnits
        heightUnits = renderer.frame.heightUnits
        bandColours = (0 ..< renderer.palette.bandCount).map(renderer.palette.bandColour)
    }

    /// A Lambert-93 point in viewBox units, rounded to 0.1 unit.
    public func project(_ point: PlanarPoint) -> (x: Double, y: Double) {
        let (x, y) = frame.project(point)
        return ((x * 10).rounded() / 10, (y * 10).rounded() / 10)
    }
}
