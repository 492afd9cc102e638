import ZonegriseCore

extension TimeConvention {
    /// Where the convention's factor acts for a time model, as written in manifest.json
    /// (docs/CALIBRATION.md "Conventions"): never twice on the same time.
    public func appliesNote(to kind: TimeModelConfiguration.Kind) -> String {
        switch kind {
        case .crowfly: "crow-fly times × peak_hour_factor"
        case .matrix: "matrix times as given (they carry their own convention); × peak_hour_factor only for pairs filled by crow-fly"
        case .osm: "not applied: the car profile's own peak_hour_factor is the one used"
        }
    }
}
