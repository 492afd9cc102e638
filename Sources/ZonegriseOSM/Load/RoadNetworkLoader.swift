import Foundation
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting

/// Builds the road graph of an OpenStreetMap extract for the `osm` model, or reads it
/// from its cache.
///
/// Probe the cache, then either read its arrays into the graph, or extract with the car
/// profile, project to Lambert-93, build the graph, keep the largest strongly connected
/// component (reporting what was dropped) and write the cache.
///
/// The cache is keyed by the extract's SHA-256, the profile's fingerprint and the
/// cache format; any other cache is rebuilt (and said so), never used; a file at the
/// cache path that is not a zonegrise cache is an error rather than overwritten.
public struct RoadNetworkLoader: Sendable {
    /// The OpenStreetMap extract (`.osm.pbf`, `.pbf` or `.osm`).
    public var osmPath: String
    /// A car profile file (YAML), or nil for `CarProfile.standard`.
    public var profilePath: String?
    /// Where the graph cache is read from and written to.
    public var cachePath: String
    /// Collects what was skipped, dropped or rebuilt.
    public var warnings: Warnings
    /// When true, a graph built from the extract is not written to the cache by `load`
    /// but handed back in `Output.pendingCache`, for the caller to write once the rest
    /// of its run has succeeded (a run that fails writes nothing).
    public var defersCacheWrite: Bool
    /// Where the load reports its phases (checksum, cache or ways, nodes, graph), in
    /// per mille of the whole by their usual share of the time; nil: nowhere.
    public var progress: ProgressStage?

    public init(osmPath: String, profilePath: String?, cachePath: String, warnings: Warnings, defersCacheWrite: Bool = false) {
        self.osmPath = osmPath
        self.profilePath = profilePath
        self.cachePath = cachePath
        self.warnings = warnings
        self.defersCacheWrite = defersCacheWrite
    }

    /// A built graph not yet written to its cache.
    public struct PendingCache: Sendable {
        let contents: RoadGraphCache.Contents
        let key: String
        /// The cache file it goes to.
        public let path: String

        /// Writes the cache (atomically: a temporary file renamed into place).
        /// - Complexity: O(nodes + edges).
        public func write() throws(OSMError) {
            try RoadGraphCache.write(contents, key: key, path: path)
        }

        /// Writes the cache to `path` instead (the staging folder of a run's results,
        /// when the cache lives in the output folder), the same way.
        public func write(to path: String) throws(OSMError) {
            try RoadGraphCache.write(contents, key: key, path: path)
        }
    }

    public struct Output: Sendable {
        /// The largest strongly connected component, Lambert-93 coordinates.
        public var graph: RoadGraph
        /// For the run manifest: file, extract SHA-256, profile, cache path and state,
        /// dropped nodes and components.
        public var details: [String: String]
        /// SHA-256 (64 lowercase hex digits) of each file this load hashed, by path as
        /// given: the extract. The run manifest reuses them instead of hashing again.
        public var fileDigests: [String: String]
        /// With `defersCacheWrite`, the graph built and still to be written; nil when
        /// the cache was read or already written.
        public var pendingCache: PendingCache?
    }

    /// - Throws: `OSMError` (unreadable or malformed extract, profile or cache, no
    ///   drivable road, a foreign file at the cache path).
    /// - Complexity: one SHA-256 pass over the extract, then O(nodes + edges) to read
    ///   the cache, or two passes over the extract and O(R log R) for its R node
    ///   references to build the graph.
    public func load() throws -> Output {
        let profile = try profilePath.map { try CarProfile.load(path: $0) } ?? CarProfile.standard
        progress?.setTotal(1000)
        progress?.setPhase("checksum")
        let digest = try extractDigest()
        progress?.advance(by: 100)
        defer { progress?.setPhase(nil) }
        let key = RoadGraphCache.key(extractSHA256: digest, profileFingerprint: profile.fingerprint)
        let contents: RoadGraphCache.Contents
        let cacheState: String
        var pending: PendingCache?
        switch RoadGraphCache.probe(path: cachePath, key: key) {
        case .matching:
            progress?.setPhase("cache")
            contents = try RoadGraphCache.read(path: cachePath, key: key)
            progress?.advance(by: 900)
            cacheState = "read"
        case .foreign:
            throw OSMError.foreignCache(file: cachePath)
        case let .stale(found):
            warnings.add(RunWarning(.graphCacheRebuilt, file: cachePath, count: 1,
                                    message: "\(cachePath): graph cache built from another extract, profile or format (\(found.prefix(90))…); rebuilt"))
            contents = try build(profile: profile)
            pending = PendingCache(contents: contents, key: key, path: cachePath)
            cacheState = "rebuilt"
        case .absent:
            contents = try build(profile: profile)
            pending = PendingCache(contents: contents, key: key, path: cachePath)
            cacheState = "built"
        }
        if let built = pending, !defersCacheWrite {
            try built.write()
            pending = nil
        }
        if contents.droppedNodes > 0 {
            warnings.add(RunWarning(.roadIslandsDropped, file: osmPath, count: contents.droppedNodes,
                                    message: "\(osmPath): \(contents.droppedNodes) road node(s) in \(contents.droppedComponents) island(s) cut off from the main network dropped (only the largest strongly connected component is routed)"))
        }
        return Output(graph: contents.graph, details: [
            "file": osmPath, "extract_sha256": digest, "profile": profile.name, "profile_fingerprint": profile.fingerprint,
            "peak_hour_factor": BandScheme.text(profile.peakHourFactor), "cache": cachePath, "cache_state": cacheState,
            "dropped_nodes": String(contents.droppedNodes), "dropped_components": String(contents.droppedComponents),
        ], fileDigests: [osmPath: digest], pendingCache: pending)
    }

    /// The extract's SHA-256, the first read of it: a missing or unreadable extract is
    /// reported here.
    func extractDigest() throws(OSMError) -> String {
        do { return try SHA256Digest.hex(fileAt: osmPath) } catch {
            guard FileManager.default.fileExists(atPath: osmPath) else { throw .unreadable(file: osmPath, reason: "no such file") }
            guard case let .io(_, message) = error else { throw .unreadable(file: osmPath, reason: NativeError.reason(of: error)) }
            throw .unreadable(file: osmPath, reason: message)
        }
    }

    /// Extracts the roads with `profile`, projects them, builds the graph and keeps its
    /// largest strongly connected component.
    func build(profile: CarProfile) throws -> RoadGraphCache.Contents {
        var extractor = RoadExtractor(profile: profile)
        extractor.progress = progress
        let roads = try extractor.extract(path: osmPath)
        // The report's sentences name the extract already.
        for warning in roads.report.runWarnings { warnings.add(warning) }
        var coordinates = roads.coordinates
        progress?.setPhase("projection")
        let toLambert93 = try CoordinateTransformer.wgs84ToLambert93()
        do { try toLambert93.transform(&coordinates) } catch {
            // Name the node by its OSM id and its coordinates, not by an array position.
            let bad = coordinates.indices.first { index in (try? toLambert93.transform(coordinates[index])).map { !($0.x.isFinite && $0.y.isFinite) } ?? true }
            let detail = bad.map { "node \(roads.nodeIDs[$0]) at longitude \(coordinates[$0].x), latitude \(coordinates[$0].y) cannot be projected to Lambert-93 (a latitude of ±90° or outside France?)" }
                ?? "a node cannot be projected to Lambert-93: \(NativeError.reason(of: error))"
            throw OSMError.malformed(file: osmPath, line: nil, detail: detail)
        }
        progress?.advance(by: 50)
        progress?.setPhase("graph")
        let graph = RoadGraph(RoadEdgeList(nodeIDs: roads.nodeIDs, coordinates: coordinates,
                                           edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) }))
        let pruned = ComponentPruning.largestStronglyConnected(graph)
        progress?.advance(by: 50)
        return RoadGraphCache.Contents(graph: pruned.graph, droppedNodes: pruned.droppedNodes,
                                       droppedComponents: pruned.droppedComponents)
    }
}
