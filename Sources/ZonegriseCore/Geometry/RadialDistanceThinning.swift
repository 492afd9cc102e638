/// The radial-distance pre-pass of line simplification (as simplify.js runs it before
/// Douglas–Peucker): walking the line, a vertex closer than `minimumStepMetres` to the
/// last vertex kept is dropped. The first and last vertices are always kept, so a chain
/// keeps its ends; every vertex kept is an original one, and no point of the line moves
/// by more than `minimumStepMetres` away from the thinned line.
public enum RadialDistanceThinning {
    /// `line` without the vertices within `minimumStepMetres` of the previous kept one.
    /// - Complexity: O(n) for n vertices, one square root-free comparison each.
    public static func thinned(_ line: [PlanarPoint], minimumStepMetres: Double) -> [PlanarPoint] {
        guard line.count > 2, minimumStepMetres > 0 else { return line }
        let squared = minimumStepMetres * minimumStepMetres
        var out: [PlanarPoint] = [line[0]]
        out.reserveCapacity(line.count)
        var last = line[0]
        for point in line[1 ..< (line.count - 1)] {
            let (dx, dy) = (point.x - last.x, point.y - last.y)
            if dx * dx + dy * dy >= squared {
                out.append(point)
                last = point
            }
        }
        out.append(line[line.count - 1])
        return out
    }
}
