/// How car times are read (manifest key `convention`, docs/CALIBRATION.md "Conventions").
///
/// - `sdaasp`: centre to centre, peak-hour times as INSEE's Odomatrix gives them (the
///   SDAASP method, METHOD.md §3): model times × `peakHourFactor` (1.2).
/// - `metric`: free-flow times as INSEE's Metric-OSRM gives them: factor 1. The crow-fly
///   model is calibrated on Metric-OSRM times, so this is its raw output.
public enum TimeConvention: String, CaseIterable, Hashable, Sendable {
    case sdaasp
    case metric

    /// The convention a run uses when the manifest names none.
    public static let `default` = TimeConvention.metric

    /// Multiplier applied to free-flow model times, dimensionless (≥ 1).
    ///
    /// sdaasp: 1.2. Odomatrix (INRA CESAER, Hilal 2008) publishes times "aux heures creuses
    /// et aux heures de pointe" between chefs-lieux but, in what could be found, no table of
    /// its peak speeds. The value is argued from the one published calibration found of
    /// urban peak speeds against free-flow coding (Caubel 2006, Lyon, evening peak): urban
    /// sections coded at the interurban speed −25 % off peak, −37.5 % at peak, so peak times
    /// are 0.75 / 0.625 = 1.2 × off-peak times. It is applied to the whole trip (an upper
    /// bound for rural trips). It was fixed before, and not tuned on, the gamme figures.
    public var peakHourFactor: Double {
        switch self {
        case .sdaasp: 1.2
        case .metric: 1.0
        }
    }

    /// The crow-fly parameters calibrated for the convention (docs/CALIBRATION.md), before
    /// the peak-hour factor.
    ///
    /// - `sdaasp`, centre to centre: 74 km/h and 2.8 access minutes, fitted on the communes
    ///   without the equipment (for a commune that has it, the centre-to-centre time is 0
    ///   by definition, so its reference time says nothing of the trip).
    /// - `metric`, or `intraCommune` in either convention: the single-speed fit on every
    ///   reference commune (50 km/h, or 63 km/h with the intra-commune term), no access term.
    public func crowfly(intraCommune: Bool) -> (speedKmh: Double, accessMinutes: Double) {
        switch (self, intraCommune) {
        case (.sdaasp, false):
            (CrowflyModel.calibratedCentreToCentreSpeedKmh, CrowflyModel.calibratedCentreToCentreAccessMinutes)
        default:
            (CrowflyModel.calibratedSpeedKmh(intraCommune: intraCommune), 0)
        }
    }
}
