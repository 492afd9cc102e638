import ZonegriseCore

/// One map of the report: the analysed communes, each with a CSS class (its band, its
/// state), overlays (sector outlines), point symbols (poles, sites), a legend. Drawn by
/// `MapRenderer`; written as `cartes/NAME.svg` and inline in `rapport.html`.
struct SVGMap: Sendable {
    /// File name without `.svg` (`bandes_proximite`), `[a-z0-9_-]`.
    var name: String
    var title: String
    /// Per analysed commune (order of `AnalysisResult.communes`), its class (`b0`, `out`…).
    var communeClasses: [String]
    var overlays: [Overlay] = []
    var points: [Point] = []
    var legend: [LegendEntry] = []
    /// A sentence under the title ("Aucun secteur…"), optional.
    var note: String?
    /// Per analysed commune, whether it is drawn hatched over its class (`--sensitivite`:
    /// a fragile zone-grise status); empty: none.
    var hatched: [Bool] = []

    /// The id of the map's hatch `<pattern>` (one per map, so that the maps inline in
    /// the report keep distinct ids).
    var hatchID: String { "hachure-\(name)" }

    /// A shape drawn over the communes (a sector outline), with an optional label.
    struct Overlay: Sendable {
        var shape: MultiPolygon
        var cssClass: String
        var label: String?
        var labelAt: PlanarPoint?
    }

    enum Symbol: Sendable { case circle, diamond }

    /// A point symbol (a pole, a site), radius in viewBox units.
    struct Point: Sendable {
        var at: PlanarPoint
        var cssClass: String
        var radius: Double
        var symbol: Symbol
    }

    /// One line of the legend: a swatch of the class (area) or a symbol (point).
    struct LegendEntry: Sendable {
        var cssClass: String
        var label: String
        var symbol: Symbol?
        var radius: Double = 5
        /// A swatch of the map's hatch (over white) instead of the class's colour.
        var hatched = false
    }
}
