/// Car time from straight-line distance: `distance × detour ÷ speed` (METHOD.md §3).
///
/// The usual fallback when no road network is at hand. With `intraCommune`, every
/// origin also pays the mean distance from a point of its commune to the commune's
/// centre, `(2/3)·√(area/π)` (the mean for a disc), at the same speed and detour: it
/// stands for the inhabitants spread over the commune (INSEE Metric notes the bias of
/// zero intra-commune times). Defaults are calibrated against routed times
/// (docs/CALIBRATION.md).
public struct CrowflyModel: TravelTimeModel, Hashable {
    /// Mean car speed along the road path, in km/h.
    public var speedKmh: Double
    /// Ratio of road distance to straight-line distance (≥ 1).
    public var detour: Double
    /// Whether to add the intra-commune term to every origin.
    public var intraCommune: Bool
    /// Multiplier of every time, dimensionless: 1 free flow (the calibration's), 1.2 for
    /// peak-hour times (`TimeConvention.sdaasp`).
    public var peakHourFactor: Double = 1

    /// Calibrated defaults (docs/CALIBRATION.md, `scripts/calibrate-crowfly.sh`): fitted
    /// on INSEE's routed times to the nearest GP of the 1,232 communes of Pays de la
    /// Loire with the detour fixed at 1.3 (only detour ÷ speed matters).
    /// Centre to centre (a pole commune at 0 minutes, the SDAASP convention): 50 km/h,
    /// median absolute error 2.42 min, 90th percentile 5.18 min.
    public static let calibratedSpeedKmh = 50.0
    /// With the intra-commune term: 63 km/h, median absolute error 1.02 min, 90th
    /// percentile 4.18 min.
    public static let calibratedSpeedWithIntraCommuneKmh = 63.0
    public static let calibratedDetour = 1.3
    /// The SDAASP convention: a commune that is a pole is at 0 minutes.
    public static let calibratedIntraCommune = false

    /// The calibrated speed for the chosen convention.
    public static func calibratedSpeedKmh(intraCommune: Bool) -> Double {
        intraCommune ? calibratedSpeedWithIntraCommuneKmh : calibratedSpeedKmh
    }

    /// - Parameter speedKmh: nil for the speed calibrated for `intraCommune`.
    public init(speedKmh: Double? = nil, detour: Double = CrowflyModel.calibratedDetour,
                intraCommune: Bool = CrowflyModel.calibratedIntraCommune, peakHourFactor: Double = 1) {
        let speedKmh = speedKmh ?? Self.calibratedSpeedKmh(intraCommune: intraCommune)
        precondition(speedKmh > 0 && detour > 0, "speed and detour must be positive")
        self.speedKmh = speedKmh
        self.detour = detour
        self.intraCommune = intraCommune
        precondition(peakHourFactor > 0, "the peak-hour factor must be positive")
        self.peakHourFactor = peakHourFactor
    }

    public var kind: String { "crowfly" }

    public var parameters: [String: String] {
        var values = ["speed_kmh": BandScheme.text(speedKmh), "detour": BandScheme.text(detour), "intra_commune": "\(intraCommune)"]
        if peakHourFactor != 1 { values["peak_hour_factor"] = BandScheme.text(peakHourFactor) }
        return values
    }

    /// Minutes for a straight-line distance in metres.
    @inlinable
    public func minutes(distanceMetres: Double) -> Double {
        distanceMetres / 1000 * detour / speedKmh * 60 * peakHourFactor
    }

    /// The intra-commune term for a commune of the given area, in minutes (0 when off).
    public func intraCommuneMinutes(areaSquareMetres: Double) -> Double {
        guard intraCommune, areaSquareMetres > 0 else { return 0 }
        return minutes(distanceMetres: 2.0 / 3.0 * (areaSquareMetres / Double.pi).squareRoot())
    }

    /// Minutes between two places (the intra-commune term of the origin included).
    public func minutes(from origin: Place, to target: Place) -> Double {
        minutes(distanceMetres: origin.point.distance(to: target.point))
            + intraCommuneMinutes(areaSquareMetres: origin.communeAreaSquareMetres)
    }

    /// Nearest target by straight-line distance (the same as by time: the intra-commune
    /// term does not depend on the target). The horizon is ignored: times are exact.
    /// - Complexity: O(targets) to build a grid, then about O(1) per origin.
    public func nearest(from origins: [Place], to targets: [Place], horizonMinutes: Double) -> [NearestTarget?] {
        PreparedCrowfly(model: self, origins: origins).nearest(to: targets, indexOffset: 0)
    }

    public func prepare(origins: [Place]) -> any PreparedTimeModel {
        PreparedCrowfly(model: self, origins: origins)
    }
}
