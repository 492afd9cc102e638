/// Car time from straight-line distance: `access + distance × detour ÷ speed` for a trip
/// between two distinct places, 0 for a place to itself (METHOD.md §3).
///
/// The usual fallback when no road network is at hand. `accessMinutes` is the fixed part
/// of every trip (leaving and reaching the main roads, the slow first and last kilometres
/// through villages): with it, short trips are slower and long ones faster than a single
/// speed gives, as routed times are. With `intraCommune`, every
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
    /// Minutes every trip between two distinct places pays on top of distance ÷ speed
    /// (before the peak-hour factor); 0 for none.
    public var accessMinutes: Double = 0

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
    /// Centre to centre, fitted on the communes that do not have the equipment (the only ones
    /// for which a centre-to-centre time is a trip), with an access term: 74 km/h and
    /// 2.8 minutes, mean absolute error 1.78 min on 700 communes against 1.94 min for the
    /// best single speed (50 km/h), and no drift of the error with distance. The defaults of
    /// the `sdaasp` convention (`TimeConvention.crowfly`).
    public static let calibratedCentreToCentreSpeedKmh = 74.0
    public static let calibratedCentreToCentreAccessMinutes = 2.8

    /// The calibrated speed for the chosen convention.
    public static func calibratedSpeedKmh(intraCommune: Bool) -> Double {
        intraCommune ? calibratedSpeedWithIntraCommuneKmh : calibratedSpeedKmh
    }

    /// - Parameter speedKmh: nil for the speed calibrated for `intraCommune`.
    public init(speedKmh: Double? = nil, detour: Double = CrowflyModel.calibratedDetour,
                intraCommune: Bool = CrowflyModel.calibratedIntraCommune, peakHourFactor: Double = 1,
                accessMinutes: Double = 0) {
        let speedKmh = speedKmh ?? Self.calibratedSpeedKmh(intraCommune: intraCommune)
        precondition(speedKmh > 0 && detour > 0, "speed and detour must be positive")
        self.speedKmh = speedKmh
        self.detour = detour
        self.intraCommune = intraCommune
        precondition(peakHourFactor > 0, "the peak-hour factor must be positive")
        self.peakHourFactor = peakHourFactor
        precondition(accessMinutes >= 0, "the access minutes must not be negative")
        self.accessMinutes = accessMinutes
    }

    public var kind: String { "crowfly" }

    public var parameters: [String: String] {
        var values = ["speed_kmh": BandScheme.text(speedKmh), "detour": BandScheme.text(detour), "intra_commune": "\(intraCommune)"]
        if peakHourFactor != 1 { values["peak_hour_factor"] = BandScheme.text(peakHourFactor) }
        if accessMinutes != 0 { values["access_minutes"] = BandScheme.text(accessMinutes) }
        return values
    }

    /// Minutes for a straight-line distance in metres: 0 for 0 metres (a place to itself),
    /// else the access term plus distance × detour ÷ speed, × the peak-hour factor.
    @inlinable
    public func minutes(distanceMetres: Double) -> Double {
        guard distanceMetres > 0 else { return 0 }
        return (accessMinutes + distanceMetres / 1000 * detour / speedKmh * 60) * peakHourFactor
    }

    /// The intra-commune term for a commune of the given area, in minutes (0 when off): the
    /// mean distance to the centre at the model's speed, without the access term.
    public func intraCommuneMinutes(areaSquareMetres: Double) -> Double {
        guard intraCommune, areaSquareMetres > 0 else { return 0 }
        let metres = 2.0 / 3.0 * (areaSquareMetres / Double.pi).squareRoot()
        return metres / 1000 * detour / speedKmh * 60 * peakHourFactor
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
