/// An analysis ready to query: poles decided, origins (the analysed communes' centres)
/// prepared on the time model once. Immutable and `Sendable`: the searches of the
/// gammes and layers run concurrently on it, and a scenario, a candidate evaluation
/// or a server request reuses it with its own extra targets.
///
/// The steps, each public so that a caller can re-run only what changed:
/// `search(_:)` (one kept search per gamme or layer), `classify(_:)` (times, bands,
/// zone grise per commune), `result(_:)` (superposition and aggregates,
/// `ZoneGriseSummaries`).
public struct PreparedAnalysis: Sendable {
    public let input: AnalysisInput
    public let parameters: AnalysisParameters
    /// Analysed communes sorted by code: the origins, in order.
    public let communes: [Commune]
    /// Poles of the service area sorted by code.
    public let poles: [PoleRecord]
    /// The horizon given to the time model, minutes.
    public let horizonMinutes: Double
    /// The time model prepared for `communes`.
    public private(set) var model: any PreparedTimeModel

    /// - Complexity: O(communes × types) for the poles, plus `timeModel.prepare`.
    public init(input: AnalysisInput, parameters: AnalysisParameters, timeModel: any TravelTimeModel) throws {
        let analysis = ZoneGriseAnalysis(parameters: parameters)
        self.input = input
        self.parameters = parameters
        communes = input.communes.filter { input.analysedCodes.contains($0.code) }.sorted { $0.code < $1.code }
        poles = analysis.poles(input)
        horizonMinutes = analysis.horizonMinutes(layers: input.serviceLayers)
        model = try timeModel.prepare(origins: communes.map {
            Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres)
        })
    }

    /// The same analysis on `model.forRepeatedAdditions()`, for a caller that evaluates
    /// many scenarios or candidate sites on it (the what-if server): the same answers,
    /// and the searches made on this analysis may be extended on the returned one.
    /// - Complexity: that of the model's (O(nodes + edges) once for the road model).
    public func forRepeatedAdditions() -> PreparedAnalysis {
        var copy = self
        copy.model = model.forRepeatedAdditions()
        return copy
    }

    /// The poles serving `gamme`, as targets and their codes.
    public func targets(of gamme: Gamme) -> (places: [Place], ids: [String]) {
        let serving = poles.filter { $0.servedGammes.contains(gamme) }
        return (serving.map { Place(communeCode: $0.code, point: $0.centre) }, serving.map(\.code))
    }

    /// The sites of a service layer, as targets and their ids.
    public func targets(ofLayer index: Int) -> (places: [Place], ids: [String]) {
        let sites = input.serviceLayers[index].sites
        return (sites.map { Place(communeCode: $0.communeCode, point: $0.point) }, sites.map(\.id))
    }

    /// The threshold of a gamme or layer, minutes.
    public func thresholdMinutes(_ subject: ServiceSearch.Subject) -> Double {
        switch subject {
        case let .gamme(gamme): return parameters.threshold(gamme)
        case let .layer(index): return input.serviceLayers[index].thresholdMinutes
        }
    }

    /// One kept search: the nearest pole of a gamme, or site of a layer, from every
    /// analysed commune.
    /// - Complexity: that of the model's search (one multi-source search for `osm`).
    public func search(_ subject: ServiceSearch.Subject) throws -> ServiceSearch {
        let (places, ids): ([Place], [String])
        switch subject {
        case let .gamme(gamme): (places, ids) = targets(of: gamme)
        case let .layer(index): (places, ids) = targets(ofLayer: index)
        }
        return ServiceSearch(subject: subject, thresholdMinutes: thresholdMinutes(subject), targetIDs: ids,
                             search: try model.search(to: places, horizonMinutes: horizonMinutes))
    }

    /// `base` with more targets (new sites, new poles), from the kept search: only the
    /// communes the added targets bring closer change.
    /// - Complexity: that of the model's `adding` (a search bounded to the region the
    ///   added targets win for `osm`).
    public func search(_ base: ServiceSearch, adding places: [Place], ids: [String]) throws -> ServiceSearch {
        precondition(places.count == ids.count, "one identifier per added target")
        return ServiceSearch(subject: base.subject, thresholdMinutes: base.thresholdMinutes, targetIDs: base.targetIDs + ids,
                             search: try model.adding(places, to: base.search))
    }

    /// Every gamme and layer searched concurrently (a task each), gathered in input
    /// order so that results do not depend on which finishes first. `progress`, when
    /// given, counts the searches done of the gammes' and layers'.
    public func searchAll(progress: ProgressStage? = nil) async throws -> AnalysisSearches {
        let subjects = Gamme.allCases.map(ServiceSearch.Subject.gamme) + input.serviceLayers.indices.map(ServiceSearch.Subject.layer)
        progress?.setTotal(subjects.count)
        let found = try await Concurrency.map(subjects) { subject in
            defer { progress?.advance() }
            return try self.search(subject)
        }
        return AnalysisSearches(gammes: Array(found.prefix(Gamme.allCases.count)), layers: Array(found.dropFirst(Gamme.allCases.count)))
    }

    /// Every gamme and layer searched one after the other, on the calling thread.
    public func searchAllSequentially() throws -> AnalysisSearches {
        AnalysisSearches(gammes: try Gamme.allCases.map { try search(.gamme($0)) },
                         layers: try input.serviceLayers.indices.map { try search(.layer($0)) })
    }

    /// Time, nearest target, band and zone grise of every analysed commune for one
    /// search. Times are rounded to hundredths of a minute once, here.
    /// - Complexity: O(communes).
    public func classify(_ search: ServiceSearch) -> [Access] {
        var access = [Access](repeating: Access(minutes: nil, target: nil, band: 0, isBeyond: false), count: communes.count)
        reclassify(&access, search: search, communes: communes.indices)
        return access
    }

    /// Classifies again only the communes given (those a scenario changed).
    /// - Complexity: O(communes given).
    public func reclassify(_ access: inout [Access], search: ServiceSearch, communes indices: some Sequence<Int>) {
        let nearest = search.search.nearest
        for i in indices {
            let minutes = nearest[i].map { ZoneGriseAnalysis.roundedMinutes($0.minutes) }
            access[i] = Access(minutes: minutes, target: nearest[i].map { search.targetIDs[$0.target] },
                               band: parameters.bands.band(of: minutes),
                               isBeyond: parameters.comparison.isBeyond(minutes, threshold: search.thresholdMinutes))
        }
    }

    /// The classification and aggregates of the searches: the analysis result.
    /// - Complexity: O(communes × (gammes + layers)).
    public func result(_ searches: AnalysisSearches) -> AnalysisResult {
        var access: [Gamme: [Access]] = [:]
        for search in searches.gammes {
            guard case let .gamme(gamme) = search.subject else { preconditionFailure("a layer search among the gammes") }
            access[gamme] = classify(search)
        }
        return result(access: access, layerAccess: searches.layers.map(classify))
    }

    /// The analysis result of classified communes: superposition codes and aggregates.
    /// - Complexity: O(communes × (gammes + layers)).
    public func result(access: [Gamme: [Access]], layerAccess: [[Access]]) -> AnalysisResult {
        let summaries = ZoneGriseSummaries(parameters: parameters, communes: communes, layers: input.serviceLayers)
        let levelByCode = Dictionary(uniqueKeysWithValues: poles.map { ($0.code, $0.level) })
        var greyCounts: [Int] = []
        var codes: [String] = []
        greyCounts.reserveCapacity(communes.count)
        codes.reserveCapacity(communes.count)
        for i in communes.indices {
            let grey = Gamme.allCases.map { access[$0]![i].isBeyond }
            greyCounts.append(grey.filter { $0 }.count)
            codes.append(String(zip(Gamme.allCases, grey).map { $1 ? $0.letter : "-" }))
        }
        return AnalysisResult(communes: communes,
                              poleLevels: communes.map { levelByCode[$0.code] ?? .aucun },
                              access: access, layers: input.serviceLayers, layerAccess: layerAccess,
                              greyGammeCounts: greyCounts, codesEnjeux: codes, poles: poles,
                              summaries: summaries.area(access: access, layerAccess: layerAccess),
                              subdivisionSummaries: summaries.subdivisions(input.subdivisions, access: access, layerAccess: layerAccess),
                              parameters: parameters, horizonMinutes: horizonMinutes)
    }
}
