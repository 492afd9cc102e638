import Testing
import ZonegriseCore
import ZonegriseTestSupport

/// `RadialDistanceThinning` on seeded random walks, against its definition checked
/// point by point.
@Suite("Radial-distance thinning")
struct RadialDistanceThinningTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func keepsEndsAndDropsOnlyCloseVertices(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var point = PlanarPoint(x: 0, y: 0)
        var line = [point]
        for _ in 0 ..< 200 {
            let step = Double(random.next() % 1000) / 1000  // 0 to 1
            let angle = Double(random.next() % 628) / 100
            point = PlanarPoint(x: point.x + step * (1 - angle * angle / 2 + angle * angle * angle * angle / 24), y: point.y + step * (angle - angle * angle * angle / 6))
            line.append(point)
        }
        let minimum = 0.4 + Double(seed % 3) / 10
        let thinned = RadialDistanceThinning.thinned(line, minimumStepMetres: minimum)
        #expect(thinned.first == line.first && thinned.last == line.last)
        #expect(thinned.count < line.count)
        func distance(_ a: PlanarPoint, _ b: PlanarPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        // Walk the original: each vertex is kept (the next of `thinned`) exactly when it is
        // at least `minimum` from the last kept one; the last vertex is kept anyway.
        var next = 1
        var lastKept = line[0]
        for (index, vertex) in line.enumerated().dropFirst() {
            let kept = index == line.count - 1 || distance(vertex, lastKept) >= minimum
            #expect(kept == (next < thinned.count && thinned[next] == vertex), "seed \(seed) vertex \(index)")
            if kept {
                next += 1
                lastKept = vertex
            }
        }
        #expect(next == thinned.count)
    }

    @Test func shortLinesAndZeroStepAreUnchanged() {
        let two = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 0.1, y: 0)]
        #expect(RadialDistanceThinning.thinned(two, minimumStepMetres: 5) == two)
        let three = two + [PlanarPoint(x: 0.2, y: 0)]
        #expect(RadialDistanceThinning.thinned(three, minimumStepMetres: 0) == three)
        #expect(RadialDistanceThinning.thinned(three, minimumStepMetres: 5) == [three[0], three[2]])
    }
}
