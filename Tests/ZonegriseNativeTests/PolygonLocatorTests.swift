import Testing
import ZonegriseCore
import ZonegriseNative
import ZonegriseTestSupport

@Suite struct PolygonLocatorTests {
    let engine = GeometryEngine()

    /// Random points against brute-force `contains` over overlapping random polygons (one
    /// with a hole): the locator must return the lowest index whose shape contains the
    /// point. Random points land on a boundary with probability zero, so covers (the
    /// locator) and contains (the oracle) agree.
    @Test(arguments: [UInt64(1), 42, 20_250_611])
    func locatorMatchesBruteForceContains(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var shapes: [MultiPolygon] = []
        for _ in 0..<12 {
            let center = PlanarPoint(
                x: Double.random(in: 0...100, using: &generator), y: Double.random(in: 0...100, using: &generator))
            let polygon = Fixtures.starPolygon(
                center: center, radius: Double.random(in: 5...25, using: &generator),
                vertexCount: Int.random(in: 3...40, using: &generator), using: &generator)
            shapes.append(MultiPolygon(polygons: [polygon]))
        }
        // A shape with a hole, and an empty one: neither may confuse the index.
        var holed = Fixtures.rectangle(minX: 40, minY: 40, maxX: 60, maxY: 60)
        holed.polygons[0].rings.append(Fixtures.rectangleRing(minX: 45, minY: 45, maxX: 55, maxY: 55))
        shapes.append(holed)
        shapes.append(MultiPolygon(polygons: []))

        let locator = try engine.makeLocator(shapes)
        #expect(locator.count == shapes.count)
        for _ in 0..<2000 {
            let point = PlanarPoint(
                x: Double.random(in: -10...110, using: &generator), y: Double.random(in: -10...110, using: &generator))
            var expected: Int?
            for (index, shape) in shapes.enumerated() where try engine.contains(shape, point) {
                expected = index
                break
            }
            let found = locator.indexContaining(point)
            #expect(found == expected, "seed \(seed), point (\(point.x), \(point.y))")
            if found != expected { return }
        }
    }

    @Test func sharedBoundaryGoesToLowestIndex() throws {
        let locator = try engine.makeLocator([
            Fixtures.square(x: 1, y: 0, side: 1),
            Fixtures.square(x: 0, y: 0, side: 1),
        ])
        #expect(locator.indexContaining(PlanarPoint(x: 1, y: 0.5)) == 0)  // shared edge
        #expect(locator.indexContaining(PlanarPoint(x: 0, y: 0.5)) == 1)  // outer edge of 1
        #expect(locator.indexContaining(PlanarPoint(x: 0.5, y: 0.5)) == 1)
        #expect(locator.indexContaining(PlanarPoint(x: 2.5, y: 0.5)) == nil)
        #expect(locator.indexContaining(PlanarPoint(x: .nan, y: 0.5)) == nil)
        #expect(locator.indicesContaining([PlanarPoint(x: 1.5, y: 0.5), PlanarPoint(x: 9, y: 9)]) == [0, nil])
    }

    @Test func emptyLocatorFindsNothing() throws {
        let locator = try engine.makeLocator([])
        #expect(locator.count == 0)
        #expect(locator.indexContaining(PlanarPoint(x: 0, y: 0)) == nil)
    }

    @Test func locatorOutlivesItsEngine() throws {
        let locator = try GeometryEngine().makeLocator([Fixtures.square(x: 0, y: 0, side: 1)])
        #expect(locator.indexContaining(PlanarPoint(x: 0.5, y: 0.5)) == 0)
    }
}
