import ZonegriseCore

/// The `d` attribute of one shape in a `MapFrame`: each ring as an absolute move then
/// relative line steps between whole-unit positions (`M12 34l3-2 1 0…z`), consecutive
/// repeated positions dropped. Drawn with `fill-rule: evenodd`, so holes show whatever
/// their orientation.
enum SVGPathData {
    /// The path text; a ring that collapses below three positions is left out, and when
    /// every ring does (a shape smaller than a unit), a one-unit square at its first
    /// vertex stands for it, so that each commune keeps a visible shape.
    /// - Complexity: O(v) for v vertices.
    static func text(_ shape: MultiPolygon, frame: MapFrame) -> String {
        var out = ""
        for polygon in shape.polygons {
            for ring in polygon.rings {
                appendRing(ring, frame: frame, to: &out)
            }
        }
        if out.isEmpty, let first = shape.polygons.first?.rings.first?.first {
            let (x, y) = frame.grid(first)
            out = "M\(x) \(y)h1v1h-1z"
        }
        return out
    }

    private static func appendRing(_ ring: Ring, frame: MapFrame, to out: inout String) {
        var positions: [(x: Int, y: Int)] = []
        positions.reserveCapacity(ring.count)
        for point in ring {
            let position = frame.grid(point)
            if let last = positions.last, last == position { continue }
            positions.append(position)
        }
        if positions.count > 1, positions.first! == positions.last! { positions.removeLast() }
        guard positions.count >= 3 else { return }
        out += "M\(positions[0].x) \(positions[0].y)l"
        for index in 1 ..< positions.count {
            let dx = positions[index].x - positions[index - 1].x, dy = positions[index].y - positions[index - 1].y
            if index > 1, dx >= 0 { out += " " }
            out += String(dx)
            if dy >= 0 { out += " " }
            out += String(dy)
        }
        out += "z"
    }
}
