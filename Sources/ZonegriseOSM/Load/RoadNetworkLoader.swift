import Foundation
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting

/// Builds the road graph of an OpenStreetMap extract for the `osm` model, or reads it
/// from its cache: extract with the car profile, project to Lambert-93, keep the
/// largest strongly connected component (reporting what was dropped).
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

    public init(osmPath: String, profilePath: String?, cachePath: String, warnings: Warnings) {
        self.osmPath = osmPath
        self.profilePath = profilePath
        self.cachePath = cachePath
        self.warnings = warnings
    }

    public struct Output: Sendable {
        /// The largest strongly connected component, Lambert-93 coordinates.
        public var graph: RoadGraph
        /// For the run manifest: file, extract SHA-256, profile, cache path and state,
        /// dropped nodes and components.
        public var details: [String: String]
    }

    /// - Throws: `OSMError` (unreadable or malformed extract, profile or cache, no
    ///   drivable road, a foreign file at the cache path).
    public func load() throws -> Output {
        let profile = try profilePath.map { try CarProfile.load(path: $0) } ?? CarProfile.standard
        let digest: String
        do { digest = try SHA256Digest.hex(fileAt: osmPath) } catch {
            guard FileManager.default.fileExists(atPath: osmPath) else { throw OSMError.unreadable(file: osmPath, reason: "no such file") }
            guard case let .io(_, message) = error else { throw OSMError.unreadable(file: osmPath, reason: "\(error)") }
            throw OSMError.unreadable(file: osmPath, reason: message)
        }
        let key = RoadGraphCache.key(extractSHA256: digest, profileFingerprint: profile.fingerprint)
        var contents: RoadGraphCache.Contents?
        var cacheState = "built"
        switch RoadGraphCache.probe(path: cachePath, key: key) {
        case .matching:
            contents = try RoadGraphCache.read(path: cachePath, key: key)
            cacheState = "read"
        case .foreign:
            throw OSMError.foreignCache(file: cachePath)
        case let .stale(found):
            warnings.add(RunWarning(.graphCacheRebuilt, file: cachePath, count: 1,
                                    message: "\(cachePath): graph cache built from another extract, profile or format (\(found.prefix(90))…); rebuilt"))
            cacheState = "rebuilt"
        case .absent:
            break
        }
        if contents == nil {
            let roads = try RoadExtractor(profile: profile).extract(path: osmPath)
            for warning in roads.report.runWarnings {
                var prefixed = warning
                prefixed.message = "\(osmPath): \(warning.message)"
                warnings.add(prefixed)
            }
            var coordinates = roads.coordinates
            try CoordinateTransformer.wgs84ToLambert93().transform(&coordinates)
            let list = RoadEdgeList(nodeIDs: roads.nodeIDs, coordinates: coordinates,
                                    edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) })
            let pruned = ComponentPruning.largestStronglyConnected(RoadGraph(list))
            let kept = pruned.graph
            var edges: [RoadEdge] = []
            edges.reserveCapacity(kept.edgeCount)
            for node in 0 ..< Int32(kept.nodeCount) {
                for edge in kept.edgesOut(of: node) { edges.append(RoadEdge(from: node, to: edge.node, deciseconds: edge.deciseconds)) }
            }
            let built = RoadGraphCache.Contents(
                edges: RoadEdgeList(nodeIDs: kept.nodeIDs, coordinates: kept.coordinates, edges: edges),
                droppedNodes: pruned.droppedNodes, droppedComponents: pruned.droppedComponents)
            try RoadGraphCache.write(built, key: key, path: cachePath)
            contents = built
        }
        let graph = RoadGraph(contents!.edges)
        if contents!.droppedNodes > 0 {
            warnings.add(RunWarning(.roadIslandsDropped, file: osmPath, count: contents!.droppedNodes,
                                    message: "\(osmPath): \(contents!.droppedNodes) road node(s) in \(contents!.droppedComponents) island(s) cut off from the main network dropped (only the largest strongly connected component is routed)"))
        }
        return Output(graph: graph, details: [
            "file": osmPath, "extract_sha256": digest, "profile": profile.name, "profile_fingerprint": profile.fingerprint,
            "peak_hour_factor": BandScheme.text(profile.peakHourFactor), "cache": cachePath, "cache_state": cacheState,
            "dropped_nodes": String(contents!.droppedNodes), "dropped_components": String(contents!.droppedComponents),
        ])
    }
}
