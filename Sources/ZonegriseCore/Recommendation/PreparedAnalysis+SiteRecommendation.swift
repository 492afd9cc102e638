extension PreparedAnalysis {
    /// A site recommendation for one gamme (candidate poles) or service layer (candidate
    /// sites), its existing targets fixed: they are searched again at the horizon of
    /// the threshold (`SiteRecommendation.horizonMinutes(thresholdMinutes:)`), so that
    /// every evaluation of the road model is bounded to the threshold; the threshold
    /// and comparison are the analysis's.
    ///
    /// Times of the recommendation's searches past the threshold are not measured;
    /// extend the analysis's kept search (`search(_:adding:ids:)`) with the chosen
    /// sites for their times and bands.
    /// - Parameters:
    ///   - subject: the gamme or layer.
    ///   - weights: one non-negative weight per analysed commune, in the order of
    ///     `communes`; nil for their populations.
    /// - Complexity: one search of the existing targets (that of the model).
    public func siteRecommendation(_ subject: ServiceSearch.Subject, weights: [Int]? = nil) throws -> SiteRecommendation {
        let places: [Place]
        switch subject {
        case let .gamme(gamme): places = targets(of: gamme).places
        case let .layer(index): places = targets(ofLayer: index).places
        }
        let threshold = thresholdMinutes(subject)
        let base = try model.search(to: places, horizonMinutes: SiteRecommendation.horizonMinutes(thresholdMinutes: threshold))
        return SiteRecommendation(model: model, base: base, thresholdMinutes: threshold, comparison: parameters.comparison,
                                  weights: weights ?? communes.map(\.population))
    }
}
