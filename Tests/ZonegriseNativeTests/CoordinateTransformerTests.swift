import Testing
import ZonegriseCore
import ZonegriseNative

@Suite struct CoordinateTransformerTests {
    /// Notre-Dame de Paris area, as in the PROJ check of SWIFT-C-LIBRARIES.md.
    let paris = PlanarPoint(x: 652_469, y: 6_862_035)

    @Test func lambert93ToWGS84IsLongitudeLatitude() throws {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        let geographic = try toWGS84.transform(paris)
        #expect(abs(geographic.x - 2.3522) < 1e-4, "longitude \(geographic.x)")
        #expect(abs(geographic.y - 48.8566) < 1e-4, "latitude \(geographic.y)")

        let back = try CoordinateTransformer.wgs84ToLambert93().transform(geographic)
        #expect(back.distance(to: paris) < 1e-6, "round trip off by \(back.distance(to: paris)) m")
    }

    @Test func batchMatchesSinglePoints() throws {
        let transformer = try CoordinateTransformer.lambert93ToWGS84()
        var points = (0..<100).map { PlanarPoint(x: 600_000 + Double($0) * 1000, y: 6_800_000 + Double($0) * 500) }
        let singles = try points.map { try transformer.transform($0) }
        try transformer.transform(&points)
        #expect(points == singles)
    }

    @Test func shapeIsTransformedRingByRing() throws {
        let transformer = try CoordinateTransformer.lambert93ToWGS84()
        var shape = Fixtures.rectangle(minX: 650_000, minY: 6_860_000, maxX: 655_000, maxY: 6_865_000)
        shape.polygons[0].rings.append(Fixtures.rectangleRing(minX: 651_000, minY: 6_861_000, maxX: 652_000, maxY: 6_862_000))
        let transformed = try transformer.transform(shape)
        #expect(transformed.polygons[0].rings.count == 2)
        for (ring, original) in zip(transformed.polygons[0].rings, shape.polygons[0].rings) {
            #expect(ring == (try original.map { try transformer.transform($0) }))
        }
    }

    @Test func copyTransformsTheSame() throws {
        let transformer = try CoordinateTransformer.lambert93ToWGS84()
        let copy = try transformer.makeCopy()
        #expect(try copy.transform(paris) == transformer.transform(paris))
        #expect(copy.source == "EPSG:2154" && copy.target == "EPSG:4326")
    }

    @Test func unknownCRSThrows() {
        #expect {
            _ = try CoordinateTransformer(from: "EPSG:999999", to: "EPSG:4326")
        } throws: { error in
            guard case .proj(let operation, let message)? = error as? NativeError else { return false }
            return operation == "create the transformation EPSG:999999 → EPSG:4326" && !message.isEmpty
        }
    }

    @Test func pointOutsideTheDomainThrowsAndLeavesBatchUnchanged() throws {
        let transformer = try CoordinateTransformer.wgs84ToLambert93()
        #expect(throws: NativeError.self) { try transformer.transform(PlanarPoint(x: 2, y: 95)) }
        let original = [PlanarPoint(x: 2.35, y: 48.85), PlanarPoint(x: 2, y: 95)]
        var points = original
        #expect(throws: NativeError.self) { try transformer.transform(&points) }
        #expect(points == original)
    }
}
