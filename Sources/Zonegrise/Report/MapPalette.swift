/// The colours of the maps, as CSS classes shared by every map of a run: readable by
/// colour-blind readers (ColorBrewer's YlGnBu and OrRd sequences, Okabe–Ito's
/// qualitative set) and distinct in grey when printed without colour (light to dark
/// for worse access).
struct MapPalette: Sendable {
    /// Travel-time bands, nearest first: ColorBrewer YlGnBu, interpolated for other
    /// band counts than 5.
    static let bandAnchors: [(Double, Double, Double)] = [(255, 255, 204), (161, 218, 180), (65, 182, 196), (44, 127, 184), (37, 52, 148)]
    /// 0…3 gammes in zone grise: ColorBrewer OrRd.
    static let greyCounts = ["#f7f4ee", "#fdcc8a", "#fc8d59", "#b30000"]
    /// Okabe–Ito, for sectors (cycled) and symbols.
    static let qualitative = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    /// Number of travel-time bands of the run (limits + 1).
    var bandCount: Int

    /// Band `index` of `bandCount`, as `#rrggbb`.
    func bandColour(_ index: Int) -> String {
        let anchors = Self.bandAnchors
        let position = bandCount > 1 ? Double(index) / Double(bandCount - 1) * Double(anchors.count - 1) : 0
        let low = min(Int(position), anchors.count - 2), t = position - Double(low)
        let (a, b) = (anchors[low], anchors[low + 1])
        return Self.hex(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for value in [r, g, b] {
            let byte = Int(min(255, max(0, value.rounded())))
            out.append(digits[byte / 16])
            out.append(digits[byte % 16])
        }
        return out
    }

    /// The CSS of every map class, for a `<style>` of the report or a standalone map.
    var css: String {
        var rules = [
            ".carte{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;background:#fff}",
            ".carte .communes path{stroke:#ffffff;stroke-width:.35;stroke-linejoin:round;fill-rule:evenodd}",
            ".carte .titre{font-size:20px;font-weight:bold;fill:#111}",
            ".carte .legende text,.carte .echelle text,.carte .nord text{font-size:13px;fill:#111}",
            ".carte .cadre{fill:none;stroke:#888;stroke-width:.6}",
            ".carte .note{font-size:14px;fill:#444}",
        ]
        for band in 0 ..< bandCount { rules.append(".b\(band){fill:\(bandColour(band))}") }
        for (count, colour) in Self.greyCounts.enumerated() { rules.append(".n\(count){fill:\(colour)}") }
        for (index, colour) in Self.qualitative.enumerated() { rules.append(".s\(index){fill:\(colour)}") }
        rules += [
            // Communes outside any sector, within a layer's threshold, unchanged.
            ".s-,.in,.same-in{fill:#eeeeee}",
            ".out{fill:#e08214}",
            ".gain{fill:#009E73}", ".loss{fill:#D55E00}", ".same-out{fill:#fdd49e}",
            ".p-aucun{fill:#f2f2f2}", ".p-proximite{fill:#fff2cc}", ".p-intermediaire{fill:#c7e9c0}", ".p-superieure{fill:#c6dbef}",
            ".contour{fill:none;stroke:#222;stroke-width:1.1;stroke-linejoin:round;fill-rule:evenodd}",
            ".etiquette{font-size:11px;font-weight:bold;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}",
            ".pole{stroke:#fff;stroke-width:.8}",
            ".pole-proximite{fill:#E69F00}", ".pole-intermediaire{fill:#009E73}", ".pole-superieure{fill:#0072B2}",
            ".site{fill:#CC79A7;stroke:#222;stroke-width:.7}",
            ".site-ajoute{fill:#D55E00;stroke:#000;stroke-width:1.2}",
            ".echelle rect{stroke:#111;stroke-width:.8}", ".echelle .noir{fill:#111}", ".echelle .blanc{fill:#fff}",
            ".nord path{fill:#111}",
        ]
        return rules.joined(separator: "\n")
    }
}
