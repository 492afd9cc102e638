import Foundation
import ZonegriseCore

/// Distances on the sphere between WGS84 positions.
enum GreatCircle {
    /// Mean Earth radius in metres (IUGG mean radius R1 = 6,371,008.8 m).
    static let earthRadiusMetres = 6_371_008.8

    /// Haversine distance in metres between two positions given as `PlanarPoint`s with
    /// x longitude and y latitude in degrees. Within 0.5 % of the ellipsoidal distance.
    /// - Complexity: O(1).
    static func haversineMetres(_ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let radians = Double.pi / 180
        let phi1 = a.y * radians, phi2 = b.y * radians
        let dPhi = (b.y - a.y) * radians, dLambda = (b.x - a.x) * radians
        let s1 = sin(dPhi / 2), s2 = sin(dLambda / 2)
        let h = s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2
        return 2 * earthRadiusMetres * asin(min(1, h.squareRoot()))
    }
}
