/// A what-if on a territory (METHOD.md §5): sites added, removed or moved in service
/// layers, itinerant services whose stops count as sites, poles added or removed.
/// Everything is resolved already: commune codes checked, positions in Lambert-93.
public struct Scenario: Hashable, Sendable {
    /// Identifier for outputs (`[a-z0-9_]+`, as a layer name), and a label.
    public var name: String
    public var label: String
    /// Changes per service layer, by the layer's name.
    public var layers: [String: LayerChanges]
    /// Communes becoming poles of some gammes, or no longer.
    public var poles: PoleChanges

    public init(name: String, label: String = "", layers: [String: LayerChanges] = [:], poles: PoleChanges = PoleChanges()) {
        self.name = name
        self.label = label.isEmpty ? name : label
        self.layers = layers
        self.poles = poles
    }
}

/// The changes a scenario makes to one service layer.
public struct LayerChanges: Hashable, Sendable {
    /// New sites (ids unique in the layer after the change).
    public var added: [ServiceSite]
    /// Ids of existing sites closed.
    public var removed: [String]
    /// Existing sites moved: the id of an existing site, its new commune and position.
    public var moved: [ServiceSite]
    /// Itinerant services: their stops count as sites of the layer.
    public var itinerant: [ItinerantService]
    /// Files the changes were read from besides the scenario file (a layer file), for
    /// the run manifest.
    public var sourceFiles: [String] = []

    public init(added: [ServiceSite] = [], removed: [String] = [], moved: [ServiceSite] = [], itinerant: [ItinerantService] = []) {
        self.added = added
        self.removed = removed
        self.moved = moved
        self.itinerant = itinerant
    }

    /// Whether the changes only add sites (added or itinerant stops): the layer's kept
    /// search can then be extended rather than searched again.
    public var onlyAdds: Bool { removed.isEmpty && moved.isEmpty }

    /// Every itinerant stop as a site.
    public var itinerantSites: [ServiceSite] { itinerant.flatMap { $0.stops.map(\.site) } }

    /// The layer's sites after the changes: the existing ones in their order, moved in
    /// place, closed ones left out; then the added sites; then the itinerant stops.
    public func apply(to sites: [ServiceSite], includingItinerant: Bool = true) -> [ServiceSite] {
        let closed = Set(removed)
        let movedByID = Dictionary(moved.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = sites.filter { !closed.contains($0.id) }.map { movedByID[$0.id] ?? $0 }
        return kept + added + (includingItinerant ? itinerantSites : [])
    }
}

/// An itinerant service (a France Services bus): a list of stops on given days.
public struct ItinerantService: Hashable, Sendable {
    public var name: String
    public var stops: [ItinerantStop]

    public init(name: String, stops: [ItinerantStop]) {
        self.name = name
        self.stops = stops
    }
}

/// One stop of an itinerant service: a site of the layer, and the days it calls
/// (free text, e.g. `lundi`; empty when not given).
public struct ItinerantStop: Hashable, Sendable {
    public var site: ServiceSite
    public var days: [String]

    public init(site: ServiceSite, days: [String] = []) {
        self.site = site
        self.days = days
    }
}

/// Poles a scenario adds or removes, per gamme stated explicitly (the hierarchy option
/// is not applied to them: a commune added as a pole of `intermediaire` serves that
/// gamme only unless `proximite` is listed too).
public struct PoleChanges: Hashable, Sendable {
    /// Commune code → gammes it becomes a pole of.
    public var added: [String: Set<Gamme>]
    /// Commune code → gammes it is no longer a pole of.
    public var removed: [String: Set<Gamme>]

    public init(added: [String: Set<Gamme>] = [:], removed: [String: Set<Gamme>] = [:]) {
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

    /// Whether the changes to `gamme` only add poles.
    public func onlyAdds(_ gamme: Gamme) -> Bool { !removed.values.contains { $0.contains(gamme) } }

    /// Codes of the communes added as poles of `gamme`, sorted.
    public func addedCodes(_ gamme: Gamme) -> [String] { added.filter { $0.value.contains(gamme) }.map(\.key).sorted() }

    /// Codes of the communes removed as poles of `gamme`.
    public func removedCodes(_ gamme: Gamme) -> Set<String> { Set(removed.filter { $0.value.contains(gamme) }.map(\.key)) }
}
