import ZonegriseCore

/// Draws `SVGMap`s of one run: the communes' path data are computed once (from their
/// simplified shapes, `SimplifiedCommunes`) and shared by every map, which differ only
/// by the classes, overlays and symbols.
///
/// Layout in viewBox units: a title band (`titleUnits`), the map area (`MapFrame`,
/// 1000 units wide) with a scale bar (bottom left) and a north arrow (top right; the
/// Lambert-93 grid north is within 3° of true north over France), then the legend in
/// three columns. Deterministic: the same map gives the same bytes.
struct MapRenderer: Sendable {
    let frame: MapFrame
    /// INSEE codes of the analysed communes, in result order.
    let codes: [String]
    /// `d` of each analysed commune, in result order.
    let communePaths: [String]
    let palette: MapPalette

    static let titleUnits = 40.0
    static let legendRowUnits = 24.0
    static let legendColumns = 3

    /// The SVG text. `standalone`: a file of its own (XML declaration, namespace and the
    /// palette's `<style>`); otherwise an element for the report, whose `<style>` holds
    /// the palette once.
    func svg(_ map: SVGMap, standalone: Bool) -> String {
        head(map, standalone: standalone) + content(map)
    }

    /// The opening of a map's SVG: the XML declaration, namespace and `<style>` when
    /// `standalone`, the `<svg>` element and its title. `content` follows.
    func head(_ map: SVGMap, standalone: Bool) -> String {
        let (width, height) = size(map)
        var out = ""
        if standalone { out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        out += "<svg"
        if standalone { out += " xmlns=\"http://www.w3.org/2000/svg\"" }
        out += " class=\"carte\" id=\"carte-\(map.name)\" data-carte=\"\(map.name)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"titre-\(map.name)\">\n"
        out += "<title id=\"titre-\(map.name)\">\(HTMLText.escape(map.title))</title>\n"
        if standalone { out += "<style>\n\(palette.css)\n</style>\n" }
        return out
    }

    /// Width and height of a map in viewBox units.
    func size(_ map: SVGMap) -> (width: Int, height: Int) {
        let legendTop = mapTop(map) + frame.heightUnits + 14
        let rows = (map.legend.count + Self.legendColumns - 1) / Self.legendColumns
        return (Int(MapFrame.widthUnits), Int((legendTop + Double(rows) * Self.legendRowUnits + 10).rounded(.up)))
    }

    func mapTop(_ map: SVGMap) -> Double { Self.titleUnits + (map.note == nil ? 0 : 20) }

    /// The body of a map's SVG after `head`, to its closing tag: the same for the report
    /// and the standalone file, so that the report renders it once for both.
    /// - Complexity: O(n + v) for n communes and v characters of their path data.
    func content(_ map: SVGMap) -> String {
        precondition(map.communeClasses.count == codes.count, "one class per analysed commune")
        precondition(map.hatched.isEmpty || map.hatched.count == codes.count, "one hatch flag per analysed commune")
        let mapTop = mapTop(map)
        let legendTop = mapTop + frame.heightUnits + 14
        let (width, height) = size(map)
        var out = ""
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "<text class=\"titre\" x=\"12\" y=\"27\">\(HTMLText.escape(map.title))</text>\n"
        if let note = map.note { out += "<text class=\"note\" x=\"12\" y=\"52\">\(HTMLText.escape(note))</text>\n" }
        if map.hatched.contains(true) || map.legend.contains(where: \.hatched) { out += Self.hatchPattern(id: map.hatchID) }
        out += "<g transform=\"translate(0 \(Self.number(mapTop)))\">\n<g class=\"communes\">\n"
        out += communeElements(map)
        out += "</g>\n"
        if map.hatched.contains(true) {
            // Fragile communes: their path again, filled with the hatch over the class colour
            // (styled inline, so that the palette, and the maps of plain runs, do not change).
            out += "<g class=\"hachures\">\n"
            out += communeElements(map, fragileOnly: true)
            out += "</g>\n"
        }
        if !map.overlays.isEmpty {
            out += "<g class=\"contours\">\n"
            for overlay in map.overlays {
                out += "<path class=\"\(overlay.cssClass)\" d=\"\(SVGPathData.text(overlay.shape, frame: frame))\"/>\n"
            }
            for overlay in map.overlays {
                guard let label = overlay.label, let at = overlay.labelAt else { continue }
                let (x, y) = frame.grid(at)
                out += "<text class=\"etiquette\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>\n"
            }
            out += "</g>\n"
        }
        if !map.points.isEmpty {
            out += "<g class=\"symboles\">\n"
            for point in map.points where frame.shows(point.at) {
                let (x, y) = frame.project(point.at)
                out += Self.symbol(point.symbol, x: x, y: y, radius: point.radius, cssClass: point.cssClass) + "\n"
            }
            out += "</g>\n"
        }
        out += "<rect class=\"cadre\" x=\"0.5\" y=\"0.5\" width=\"\(width - 1)\" height=\"\(Self.number(frame.heightUnits - 1))\"/>\n"
        out += scaleBar() + northArrow() + "</g>\n"
        out += legend(map.legend, top: legendTop, hatchID: map.hatchID)
        out += "</svg>\n"
        return out
    }

    /// One `<path>` per analysed commune (`data-code`, the map's class), or with
    /// `fragileOnly` one per fragile commune (`data-fragile`, the hatch), in result order.
    /// Built as UTF-8 bytes, decoded once: the bulk of every map (France: 34,809 paths).
    /// - Complexity: O(n + v) for n communes and v bytes of path data.
    func communeElements(_ map: SVGMap, fragileOnly: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(communePathBytes + codes.count * 64)
        let open = Array((fragileOnly ? "<path data-fragile=\"" : "<path data-code=\"").utf8)
        let fragileMiddle = Array("\" class=\"fragile\" fill=\"url(#\(map.hatchID))\" stroke=\"none\" fill-rule=\"evenodd\" d=\"".utf8)
        let classOpen = Array("\" class=\"".utf8), pathOpen = Array("\" d=\"".utf8), close = Array("\"/>\n".utf8)
        for (index, code) in codes.enumerated() where !fragileOnly || map.hatched[index] {
            bytes.append(contentsOf: open)
            bytes.append(contentsOf: code.utf8)
            if fragileOnly {
                bytes.append(contentsOf: fragileMiddle)
            } else {
                bytes.append(contentsOf: classOpen)
                bytes.append(contentsOf: map.communeClasses[index].utf8)
                bytes.append(contentsOf: pathOpen)
            }
            bytes.append(contentsOf: communePaths[index].utf8)
            bytes.append(contentsOf: close)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes of all the communes' path data (`communePaths`), to size buffers.
    var communePathBytes: Int { communePaths.reduce(0) { $0 + $1.utf8.count } }

    /// A round-length bar in two halves, labelled (`10 km`), bottom left of the map area.
    func scaleBar() -> String {
        let bar = frame.scaleBar()
        let x = 16.0, y = frame.heightUnits - 18
        let half = Self.number(bar.units / 2)
        return "<g class=\"echelle\"><rect class=\"noir\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(half)\" height=\"6\"/>"
            + "<rect class=\"blanc\" x=\"\(Self.number(x + bar.units / 2))\" y=\"\(Self.number(y))\" width=\"\(half)\" height=\"6\"/>"
            + "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y - 5))\">0</text>"
            + "<text x=\"\(Self.number(x + bar.units))\" y=\"\(Self.number(y - 5))\" text-anchor=\"middle\">\(bar.label)</text></g>\n"
    }

    func northArrow() -> String {
        let x = MapFrame.widthUnits - 30
        return "<g class=\"nord\"><path d=\"M\(Self.number(x)) 14l9 30-9-7-9 7z\"/><text x=\"\(Self.number(x))\" y=\"60\" text-anchor=\"middle\">N</text></g>\n"
    }

    /// Diagonal dark lines on a transparent ground, 6 units apart (about 1 mm printed):
    /// the band colour shows between them, and they stay visible in grey print.
    static func hatchPattern(id: String) -> String {
        "<defs><pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#222222\" stroke-width=\"1.6\"/></pattern></defs>\n"
    }

    func legend(_ entries: [SVGMap.LegendEntry], top: Double, hatchID: String) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"legende\">\n"
        let columnWidth = MapFrame.widthUnits / Double(Self.legendColumns)
        for (index, entry) in entries.enumerated() {
            let x = 14 + Double(index % Self.legendColumns) * columnWidth
            let y = top + Double(index / Self.legendColumns) * Self.legendRowUnits
            if entry.hatched {
                out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"18\" height=\"16\" fill=\"#ffffff\" stroke=\"#777\" stroke-width=\".6\"/>"
                    + "<rect class=\"\(entry.cssClass)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"18\" height=\"16\" fill=\"url(#\(hatchID))\" stroke=\"#777\" stroke-width=\".6\"/>"
            } else if let symbol = entry.symbol {
                out += Self.symbol(symbol, x: x + 9, y: y + 8, radius: entry.radius, cssClass: entry.cssClass)
            } else {
                out += "<rect class=\"\(entry.cssClass)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"18\" height=\"16\" stroke=\"#777\" stroke-width=\".6\"/>"
            }
            out += "<text x=\"\(Self.number(x + 26))\" y=\"\(Self.number(y + 13))\">\(HTMLText.escape(entry.label))</text>\n"
        }
        return out + "</g>\n"
    }

    static func symbol(_ symbol: SVGMap.Symbol, x: Double, y: Double, radius: Double, cssClass: String) -> String {
        switch symbol {
        case .circle:
            return "<circle class=\"\(cssClass)\" cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\"/>"
        case .diamond:
            let r = number(radius)
            return "<path class=\"\(cssClass)\" d=\"M\(number(x)) \(number(y - radius))l\(r) \(r)-\(r) \(r)-\(r)-\(r)z\"/>"
        }
    }

    /// A viewBox coordinate with at most one decimal.
    static func number(_ value: Double) -> String { DecimalText.format(value, decimals: 1) }
}
