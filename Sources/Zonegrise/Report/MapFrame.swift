import ZonegriseCore

/// Lambert-93 metres to the SVG viewBox of a map: a uniform scale (no distortion), the
/// y axis flipped (north up), coordinates rounded to whole viewBox units.
///
/// A map is `widthUnits` (1000) units wide, printed 180 mm wide on A4, so one unit is
/// 0.18 mm on paper and about one CSS pixel on screen. The map area is at most
/// `maxHeightUnits` tall; a tall territory is scaled down to fit and centred.
struct MapFrame: Hashable, Sendable {
    /// Width of the map area in viewBox units.
    static let widthUnits = 1000.0
    /// Tallest map area, viewBox units (a tall département fits an A4 page with its legend).
    static let maxHeightUnits = 1150.0
    /// Space around the territory, viewBox units.
    static let marginUnits = 12.0
    /// The printed width of a map, millimetres (A4 less the page margins).
    static let printedWidthMillimetres = 180.0
    /// Simplification tolerance, viewBox units: half a unit (0.09 mm on paper, less than
    /// the rounding of the coordinates), so simplified and original boundaries look alike.
    static let toleranceUnits = 0.5

    /// The territory's extent, Lambert-93 metres.
    let bounds: BoundingBox
    /// ViewBox units per metre.
    let scale: Double
    /// Offsets of the territory in the map area, units.
    let offsetX: Double
    let offsetY: Double
    /// Height of the map area, units.
    let heightUnits: Double

    /// - Parameter bounds: the extent to show (analysed communes), Lambert-93 metres.
    init(bounds: BoundingBox) {
        let spanX = max(bounds.maxX - bounds.minX, 1), spanY = max(bounds.maxY - bounds.minY, 1)
        let inner = Self.widthUnits - 2 * Self.marginUnits
        let scale = min(inner / spanX, (Self.maxHeightUnits - 2 * Self.marginUnits) / spanY)
        self.bounds = bounds
        self.scale = scale
        offsetX = (Self.widthUnits - spanX * scale) / 2
        offsetY = Self.marginUnits
        heightUnits = (spanY * scale + 2 * Self.marginUnits).rounded(.up)
    }

    /// The simplification tolerance in metres for this map (`toleranceUnits` at its scale).
    var toleranceMetres: Double { Self.toleranceUnits / scale }

    /// A point's position in the viewBox, unrounded: x to the right, y down.
    func project(_ point: PlanarPoint) -> (x: Double, y: Double) {
        (offsetX + (point.x - bounds.minX) * scale, offsetY + (bounds.maxY - point.y) * scale)
    }

    /// A point's position rounded to whole units.
    func grid(_ point: PlanarPoint) -> (x: Int, y: Int) {
        let (x, y) = project(point)
        return (Int(x.rounded()), Int(y.rounded()))
    }

    /// Whether a point falls in the map area (sites and poles of neighbouring areas beyond
    /// it are not drawn).
    func shows(_ point: PlanarPoint) -> Bool {
        let (x, y) = project(point)
        return x >= 0 && x <= Self.widthUnits && y >= 0 && y <= heightUnits
    }

    /// A scale bar of a round length: the largest 1, 2 or 5 × 10ⁿ metres not longer than
    /// `fraction` of the map's width. `label` is in km from 1 km on (`10 km`), in m below.
    func scaleBar(fraction: Double = 0.2) -> (metres: Double, units: Double, label: String) {
        Self.scaleBar(maxMetres: Self.widthUnits * fraction / scale, unitsPerMetre: scale)
    }

    static func scaleBar(maxMetres: Double, unitsPerMetre: Double) -> (metres: Double, units: Double, label: String) {
        var power = 1.0
        while power * 10 <= maxMetres { power *= 10 }
        let metres = [5.0, 2.0, 1.0].map { $0 * power }.first { $0 <= maxMetres } ?? power
        let label = metres >= 1000 ? FrenchNumber.decimal(metres / 1000, decimals: 3) + FrenchNumber.unitSpace + "km"
            : FrenchNumber.decimal(metres, decimals: 0) + FrenchNumber.unitSpace + "m"
        return (metres, metres * unitsPerMetre, label)
    }
}
