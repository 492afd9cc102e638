extension PreparedAnalysis {
    /// Evaluates a scenario on the prepared analysis and its base searches: a gamme or
    /// layer the scenario only adds to is extended from its kept search (only what the
    /// new targets improve is computed); one it removes from or moves is searched again
    /// with its new targets; the others keep their base search.
    /// - Precondition: the scenario's layers, sites and communes exist (the scenario
    ///   reader checks them and reports errors with the file and entry).
    /// - Complexity: one search (or extension) per changed gamme or layer, plus two per
    ///   site added or moved (its gain alone and its marginal gain), plus one per layer
    ///   with itinerant stops.
    public func evaluate(_ scenario: Scenario, base: AnalysisSearches) throws -> ScenarioOutcome {
        var gammes: [ServiceSearch] = []
        for (position, gamme) in Gamme.allCases.enumerated() {
            gammes.append(try searchAfter(gamme, changes: scenario.poles, base: base.gammes[position]))
        }
        var layers: [ServiceSearch] = []
        var gains: [SiteGain] = []
        var itinerantOnly: [[Bool]] = []
        for (index, layer) in input.serviceLayers.enumerated() {
            guard let changes = scenario.layers[layer.name] else {
                layers.append(base.layers[index])
                itinerantOnly.append(Array(repeating: false, count: communes.count))
                continue
            }
            let after = try searchAfter(layer: index, changes: changes, base: base.layers[index])
            layers.append(after)
            gains += try siteGains(layer: index, changes: changes, base: base.layers[index], after: after)
            if changes.itinerant.isEmpty {
                itinerantOnly.append(Array(repeating: false, count: communes.count))
            } else {
                var withoutItinerant = changes
                withoutItinerant.itinerant = []
                let without = classify(try searchAfter(layer: index, changes: withoutItinerant, base: base.layers[index]))
                let with = classify(after)
                itinerantOnly.append(zip(without, with).map { $0.isBeyond && !$1.isBeyond })
            }
        }
        let searches = AnalysisSearches(gammes: gammes, layers: layers)
        return ScenarioOutcome(scenario: scenario, searches: searches, result: result(searches), siteGains: gains,
                               itinerantOnly: itinerantOnly)
    }

    /// The search of a gamme after pole changes.
    func searchAfter(_ gamme: Gamme, changes: PoleChanges, base: ServiceSearch) throws -> ServiceSearch {
        let removed = changes.removedCodes(gamme)
        let (places, ids) = targets(of: gamme)
        let present = Set(ids)
        let addedCodes = changes.addedCodes(gamme).filter { !present.contains($0) || removed.contains($0) }
        guard !removed.isEmpty || !addedCodes.isEmpty else { return base }
        let centreOf = Dictionary(input.communes.map { ($0.code, $0.centre) }, uniquingKeysWith: { first, _ in first })
        let addedPlaces = addedCodes.map { Place(communeCode: $0, point: centreOf[$0]!) }
        if removed.isEmpty {
            return try search(base, adding: addedPlaces, ids: addedCodes)
        }
        let kept = zip(places, ids).filter { !removed.contains($0.1) }
        return ServiceSearch(subject: .gamme(gamme), thresholdMinutes: base.thresholdMinutes,
                             targetIDs: kept.map(\.1) + addedCodes,
                             search: try model.search(to: kept.map(\.0) + addedPlaces, horizonMinutes: horizonMinutes))
    }

    /// The search of a service layer after its changes.
    func searchAfter(layer index: Int, changes: LayerChanges, base: ServiceSearch) throws -> ServiceSearch {
        func place(_ site: ServiceSite) -> Place { Place(communeCode: site.communeCode, point: site.point) }
        if changes.onlyAdds {
            let added = changes.added + changes.itinerantSites
            return added.isEmpty ? base : try search(base, adding: added.map(place), ids: added.map(\.id))
        }
        let sites = changes.apply(to: input.serviceLayers[index].sites)
        return ServiceSearch(subject: .layer(index), thresholdMinutes: base.thresholdMinutes, targetIDs: sites.map(\.id),
                             search: try model.search(to: sites.map(place), horizonMinutes: horizonMinutes))
    }

    /// Inhabitants of the analysed communes beyond the threshold of a search.
    public func populationBeyond(_ search: ServiceSearch) -> Int {
        zip(classify(search), communes).reduce(0) { $0 + ($1.0.isBeyond ? $1.1.population : 0) }
    }

    /// The gain alone and the marginal gain of every site the changes add, move or make
    /// an itinerant stop.
    func siteGains(layer index: Int, changes: LayerChanges, base: ServiceSearch, after: ServiceSearch) throws -> [SiteGain] {
        let name = input.serviceLayers[index].name
        let beyondBase = populationBeyond(base)
        let beyondAfter = populationBeyond(after)
        var items: [(SiteGain.Kind, ServiceSite, alone: LayerChanges, without: LayerChanges, days: [String])] = []
        for (i, site) in changes.added.enumerated() {
            var without = changes
            without.added.remove(at: i)
            items.append((.added, site, LayerChanges(added: [site]), without, []))
        }
        for (i, site) in changes.moved.enumerated() {
            var without = changes
            without.moved.remove(at: i)
            items.append((.moved, site, LayerChanges(moved: [site]), without, []))
        }
        for (s, service) in changes.itinerant.enumerated() {
            for (t, stop) in service.stops.enumerated() {
                var without = changes
                without.itinerant[s].stops.remove(at: t)
                items.append((.itinerant, stop.site, LayerChanges(added: [stop.site]), without, stop.days))
            }
        }
        return try items.map { kind, site, alone, without, days in
            // A layer changed by this one site only: alone is the whole change, and
            // without it the base (no search again; the `zonegrise serve` click).
            let aloneBeyond = alone == changes ? beyondAfter : populationBeyond(try searchAfter(layer: index, changes: alone, base: base))
            let withoutBeyond = without == LayerChanges() ? beyondBase : populationBeyond(try searchAfter(layer: index, changes: without, base: base))
            return SiteGain(layer: name, site: site, kind: kind, marginalPopulation: withoutBeyond - beyondAfter,
                            alonePopulation: beyondBase - aloneBeyond, days: days)
        }
    }
}
