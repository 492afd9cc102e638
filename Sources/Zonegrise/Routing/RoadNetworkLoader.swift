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
struct RoadNetworkLoader {
    var osmPath: String
    var profilePath: String?
    var cachePath: String
    var warnings: Warnings

    struct Output {
        var graph: RoadGraph
        var details: [String: String]
    }

    func load() throws -> Output {
        let profile = try profilePath.map { try CarProfile.load(path: $0) } ?? CarProfile.standard
        let digest: String
        do { digest = try SHA256Digest.hex(fileAt: osmPath) } catch {
            guard FileManager.default.fileExists(atPath: osmPath) else { throw ZonegriseError.unreadable(file: osmPath, reason: "no such file") }
            guard case let .io(_, message) = error else { throw ZonegriseError.unreadable(file: osmPath, reason: "\(error)") }
            throw ZonegriseError.unreadable(file: osmPath, reason: message)
        }
        let key = RoadGraphCache.key(extractSHA256: digest, profileFingerprint: profile.fingerprint)
        var contents: RoadGraphCache.Contents?
        var cacheState = "built"
        switch RoadGraphCache.probe(path: cachePath, key: key) {
        case .matching:
            contents = try RoadGraphCache.read(path: cachePath, key: key)
            cacheState = "read"
        case .foreign:
            throw ZonegriseError.invalidParameter(source: cachePath, key: "time_model.osm.cache",
                                                  detail: "the file exists and is not a zonegrise graph cache; remove it or name another cache path")
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
