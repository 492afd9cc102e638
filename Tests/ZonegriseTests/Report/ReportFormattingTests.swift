import Testing
@testable import Zonegrise
import ZonegriseCore

/// The pieces of the report: French figures, the map projection, scale bars, path data
/// and tables.
@Suite("Report: formatting, projection, scale bar")
struct ReportFormattingTests {
    static let nnbsp = "\u{202F}", nbsp = "\u{00A0}"

    @Test func frenchIntegersGroupThousandsWithANarrowNoBreakSpace() {
        #expect(FrenchNumber.integer(0) == "0")
        #expect(FrenchNumber.integer(999) == "999")
        #expect(FrenchNumber.integer(12_345) == "12\(Self.nnbsp)345")
        #expect(FrenchNumber.integer(1_461_441) == "1\(Self.nnbsp)461\(Self.nnbsp)441")
        #expect(FrenchNumber.integer(-1_234) == "\u{2212}1\(Self.nnbsp)234")
    }

    @Test func frenchDecimalsAndSharesUseAComma() {
        #expect(FrenchNumber.percent(6.64) == "6,6\(Self.nbsp)%")
        #expect(FrenchNumber.percent(21.51) == "21,5\(Self.nbsp)%")
        #expect(FrenchNumber.percent(100) == "100\(Self.nbsp)%")
        #expect(FrenchNumber.decimal(1234.5, decimals: 2) == "1\(Self.nnbsp)234,5")
        #expect(FrenchNumber.decimal(-0.25, decimals: 2) == "\u{2212}0,25")
        #expect(FrenchNumber.minutes(30) == "30\(Self.nbsp)min")
        #expect(FrenchNumber.count(1, "commune", "communes") == "1\(Self.nbsp)commune")
        #expect(FrenchNumber.count(0, "commune", "communes") == "0\(Self.nbsp)commune")
        #expect(FrenchNumber.count(12_345, "habitant", "habitants") == "12\(Self.nnbsp)345\(Self.nbsp)habitants")
    }

    @Test func projectionIsUniformWithNorthUp() {
        // 100 km × 50 km: the width fills the map area less its margins.
        let frame = MapFrame(bounds: BoundingBox(minX: 600_000, minY: 7_000_000, maxX: 700_000, maxY: 7_050_000))
        let inner = MapFrame.widthUnits - 2 * MapFrame.marginUnits
        #expect(abs(frame.scale - inner / 100_000) < 1e-12)
        let northWest = frame.project(PlanarPoint(x: 600_000, y: 7_050_000))
        let southEast = frame.project(PlanarPoint(x: 700_000, y: 7_000_000))
        #expect(abs(northWest.x - MapFrame.marginUnits) < 1e-9 && abs(northWest.y - MapFrame.marginUnits) < 1e-9)
        #expect(abs(southEast.x - (MapFrame.widthUnits - MapFrame.marginUnits)) < 1e-9)
        #expect(abs(southEast.y - (MapFrame.marginUnits + 50_000 * frame.scale)) < 1e-9, "y grows southwards")
        #expect(frame.heightUnits == (50_000 * frame.scale + 2 * MapFrame.marginUnits).rounded(.up))
        #expect(abs(frame.toleranceMetres - MapFrame.toleranceUnits * 100_000 / inner) < 1e-9)
        #expect(frame.grid(PlanarPoint(x: 650_000, y: 7_025_000)) == (500, Int((MapFrame.marginUnits + 25_000 * frame.scale).rounded())))
    }

    @Test func tallTerritoriesAreScaledToTheMaximumHeightAndCentred() {
        let frame = MapFrame(bounds: BoundingBox(minX: 0, minY: 0, maxX: 50_000, maxY: 200_000))
        #expect(frame.heightUnits <= MapFrame.maxHeightUnits)
        let west = frame.project(PlanarPoint(x: 0, y: 0)).x, east = frame.project(PlanarPoint(x: 50_000, y: 0)).x
        #expect(abs((west + east) / 2 - MapFrame.widthUnits / 2) < 1e-9)
    }

    @Test(arguments: [(23_000.0, 20_000.0, "20\u{00A0}km"), (4_900, 2_000, "2\u{00A0}km"), (10_000, 10_000, "10\u{00A0}km"),
                      (999, 500, "500\u{00A0}m"), (60_000, 50_000, "50\u{00A0}km"), (1_500, 1_000, "1\u{00A0}km")])
    func scaleBarsHaveRoundLengths(maxMetres: Double, metres: Double, label: String) {
        let bar = MapFrame.scaleBar(maxMetres: maxMetres, unitsPerMetre: 0.01)
        #expect(bar.metres == metres)
        #expect(bar.units == metres * 0.01)
        #expect(bar.label == label)
    }

    @Test func pathDataIsRelativeWholeUnitsWithoutRepeats() {
        let frame = MapFrame(bounds: BoundingBox(minX: 0, minY: 0, maxX: 976, maxY: 976))  // one unit per metre
        #expect(frame.scale == 1)
        let square: Ring = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 0.2), PlanarPoint(x: 10, y: 10),
                            PlanarPoint(x: 0, y: 10), PlanarPoint(x: 0, y: 0)]
        let text = SVGPathData.text(MultiPolygon(polygons: [Polygon(rings: [square])]), frame: frame)
        #expect(text == "M12 988l10 0 0-10-10 0z")
        // A shape under a unit still gets a visible square.
        let speck: Ring = [PlanarPoint(x: 5, y: 5), PlanarPoint(x: 5.2, y: 5), PlanarPoint(x: 5.2, y: 5.2), PlanarPoint(x: 5, y: 5)]
        #expect(SVGPathData.text(MultiPolygon(polygons: [Polygon(rings: [speck])]), frame: frame) == "M17 983h1v1h-1z")
    }

    @Test func tableCellsCarryTheCSVValues() {
        let table = HTMLTable(id: "t", caption: "c", columns: [("gamme", "Gamme"), ("population", "Habitants"), ("part_population_pct", "Part")],
                              rows: [("proximite", [.text("proximite"), .int(52_868), .percent(21.5123)])])
        #expect(table.html.contains("<tr data-key=\"proximite\"><td data-col=\"gamme\">proximite</td>"))
        #expect(table.html.contains("<td class=\"nombre\" data-col=\"population\" data-value=\"52868\">52\(Self.nnbsp)868</td>"))
        #expect(table.html.contains("data-col=\"part_population_pct\" data-value=\"21.51\">21,5\(Self.nbsp)%</td>"))
        #expect(HTMLText.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test func bandColoursGoFromLightToDark() {
        let palette = MapPalette(bandCount: 4)
        #expect(palette.bandColour(0) == "#ffffcc")
        #expect(palette.bandColour(3) == "#253494")
        let lightness = (0 ..< 4).map { band -> Int in
            let hex = Array(palette.bandColour(band).dropFirst())
            return stride(from: 0, to: 6, by: 2).map { Int(String(hex[$0 ..< $0 + 2]), radix: 16)! }.reduce(0, +)
        }
        #expect(lightness == lightness.sorted(by: >))
    }
}
