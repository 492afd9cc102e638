extension PreparedAnalysis {
    /// The classification re-run under each variant, from the base run's kept searches:
    /// no input is read again and the origins stay prepared.
    ///
    /// - A time factor scales the base searches' times (uniform scaling keeps every
    ///   commune's nearest pole or site), then classifies them again: no search.
    /// - A pole share decides the poles again; per gamme whose poles change, the new
    ///   set is searched: when it only adds poles to the base set (a lower share), from
    ///   the base search with `PreparedTimeModel.adding` (for `osm`, a search bounded to
    ///   what the added poles win), otherwise with one new search. Layers do not depend
    ///   on the poles and keep the base classification.
    ///
    /// Variants run concurrently; results are gathered in variant order.
    /// - Complexity: O(communes × (gammes + layers)) per time factor; per pole share
    ///   O(communes × types) for the poles plus up to one search per gamme.
    public func sensitivity(base searches: AnalysisSearches, result base: AnalysisResult,
                            variants: [SensitivityVariant] = SensitivityVariant.standard) async throws -> SensitivityResult {
        let runs = try await Concurrency.map(variants) { variant in try await self.variantAccess(variant, base: searches, result: base) }
        let summaries = ZoneGriseSummaries(parameters: parameters, communes: communes, layers: input.serviceLayers)
        return SensitivityResult(base: base, variants: variants,
                                 greyByVariant: runs.map { run in run.access.mapValues { $0.map(\.isBeyond) } },
                                 summariesByVariant: runs.map { summaries.area(access: $0.access, layerAccess: $0.layerAccess) })
    }

    /// The classification of the analysed communes under one variant.
    func variantAccess(_ variant: SensitivityVariant, base searches: AnalysisSearches,
                       result base: AnalysisResult) async throws -> (access: [Gamme: [Access]], layerAccess: [[Access]]) {
        switch variant {
        case let .timeFactor(factor):
            var access: [Gamme: [Access]] = [:]
            for search in searches.gammes {
                guard case let .gamme(gamme) = search.subject else { preconditionFailure("a layer search among the gammes") }
                access[gamme] = classify(Self.scaled(search, by: factor))
            }
            return (access, searches.layers.map { classify(Self.scaled($0, by: factor)) })
        case .poleShare:
            let moved = ZoneGriseAnalysis(parameters: variant.parameters(from: parameters)).poles(input)
            let found = try await Concurrency.map(Gamme.allCases) { gamme -> [Access] in
                try self.classify(self.search(gamme, poles: moved, base: searches[gamme]))
            }
            return (Dictionary(uniqueKeysWithValues: zip(Gamme.allCases, found)), base.layerAccess)
        }
    }

    /// The search of `gamme` with other poles: the base search when they serve it the
    /// same, the base search extended when they only add poles, a new search otherwise.
    func search(_ gamme: Gamme, poles moved: [PoleRecord], base: ServiceSearch) throws -> ServiceSearch {
        let serving = moved.filter { $0.servedGammes.contains(gamme) }
        let baseIDs = Set(base.targetIDs)
        let servingIDs = Set(serving.map(\.code))
        if servingIDs == baseIDs { return base }
        if baseIDs.isSubset(of: servingIDs) {
            let added = serving.filter { !baseIDs.contains($0.code) }
            return try search(base, adding: added.map { Place(communeCode: $0.code, point: $0.centre) }, ids: added.map(\.code))
        }
        return ServiceSearch(subject: .gamme(gamme), thresholdMinutes: base.thresholdMinutes, targetIDs: serving.map(\.code),
                             search: try model.search(to: serving.map { Place(communeCode: $0.code, point: $0.centre) },
                                                      horizonMinutes: horizonMinutes))
    }

    /// `search` with every time multiplied by `factor` (same nearest targets).
    /// - Complexity: O(communes).
    static func scaled(_ search: ServiceSearch, by factor: Double) -> ServiceSearch {
        let kept = search.search
        let nearest = kept.nearest.map { $0.map { NearestTarget(target: $0.target, minutes: $0.minutes * factor) } }
        return ServiceSearch(subject: search.subject, thresholdMinutes: search.thresholdMinutes, targetIDs: search.targetIDs,
                             search: NearestTargets(targets: kept.targets, horizonMinutes: kept.horizonMinutes * factor, nearest: nearest))
    }
}
