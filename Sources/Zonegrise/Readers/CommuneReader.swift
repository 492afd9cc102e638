import Foundation
import ZonegriseCore
import ZonegriseNative

/// Reads commune polygons from GeoJSON files (RFC 7946 WGS84 or a legacy `crs`), or
/// from Shapefiles and GeoPackages through OGR (`CommuneReader+OGR.swift`).
///
/// Keeps the communes of the loaded départements, checks codes are unique across the
/// files, merges communes listed in `fusions`, and those the COG (`cog`) shows as
/// communes déléguées or associées of another commune of the files (`CogFusions`), into
/// the commune they joined (GEOS union), and projects everything to Lambert-93.
/// - Complexity: O(vertices) plus the unions.
struct CommuneReader {
    var source: CommuneSource
    var departements: Set<String>
    var engine: GeometryEngine
    var warnings: Warnings
    /// INSEE's COG (`communes.cog_file`), read beforehand; nil: only `fusions` apply.
    var cog: CogReader.Registry? = nil
    /// Reports the bytes of the commune files read and projected so far (nil: none).
    var progress: ProgressStage? = nil

    struct Output {
        var shapes: [CommuneShape]
        /// Communes of other départements found in the files and left out.
        var skippedOutside: Int
        /// Old code → new code for each fusion of `communes.fusions` applied.
        var fused: [(String, String)]
        /// Old code → new code for each fusion the COG gave, applied, by old code.
        var fusedFromCOG: [(String, String)] = []
        /// Communes of the files that are not communes at the COG's date and that it
        /// cannot place (sorted; empty without a COG).
        var unplacedByCOG: [String] = []
        /// Every fusion that applies to rows of the inputs: `communes.fusions` (also those
        /// whose old commune is not in the files: communes restored since the geometry's
        /// vintage) and the COG's.
        var fusions: [String: String]
    }

    /// The communes of one file, in feature order, and how far reading went: a file that
    /// fails keeps the communes before the failing feature, so that the files can be
    /// merged in order and report the same first problem as one pass would.
    struct FileRead: Sendable {
        var shapes: [CommuneShape] = []
        var skipped = 0
        var failure: (any Error)?
    }

    /// Reads and projects the files concurrently (the files split over the cores, each
    /// group with its own PROJ transformers), then merges them in file order.
    func read() async throws -> Output {
        let files = source.files
        let groups = min(files.count, Concurrency.cores)
        let source = self.source, departements = self.departements, progress = self.progress
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        progress?.setTotal(sizes.reduce(0, +))
        let reads = try await Concurrency.map(0 ..< groups) { group -> [(Int, FileRead)] in
            // One transformer per coordinate system for the group's files: creating one
            // costs about 6 ms of PROJ database look-ups (0.6 s for the 96 files of France).
            var transformers: [CoordinateSystem: CoordinateTransformer?] = [:]
            return stride(from: group, to: files.count, by: groups).map { index in
                (index, Self.readFile(files[index], source: source, departements: departements, transformers: &transformers,
                                       progress: progress.map { ($0, sizes[index]) }))
            }
        }.joined().sorted { $0.0 < $1.0 }.map(\.1)

        var byCode: [String: CommuneShape] = [:]
        var skipped = 0
        for (file, read) in zip(files, reads) {
            skipped += read.skipped
            for shape in read.shapes {
                if let first = byCode[shape.code] {
                    throw ZonegriseError.duplicateCode(file: file, code: shape.code, first: first.origin,
                                                       second: "feature \(shape.featureNumber)")
                }
                byCode[shape.code] = shape
            }
            if let failure = read.failure { throw failure }
        }
        var fused: [(String, String)] = []
        var merges: [String: [String]] = [:]
        for old in source.fusions.keys.sorted() {
            let new = source.fusions[old]!
            guard byCode[old] != nil else {
                warnings.add(RunWarning(.fusionWithoutCommune, count: 1, examples: [old],
                                        message: "communes.fusions: commune \(old) is not in the commune files; nothing to merge into \(new) (rows of \(old) count in \(new))"))
                continue
            }
            guard byCode[new] != nil else {
                throw ZonegriseError.inconsistent(detail: "communes.fusions: commune \(old) merges into \(new), which is not in the commune files")
            }
            merges[new, default: []].append(old)
            fused.append((old, new))
        }
        var fusions = source.fusions
        var fromCOG: CogFusions?
        if let cog {
            let found = CogFusions(registry: cog, geometry: Set(byCode.keys), declared: source.fusions)
            for old in found.derived.keys.sorted() {
                merges[found.derived[old]!, default: []].append(old)
                fusions[old] = found.derived[old]!
            }
            fromCOG = found
        }
        // One union per commune that absorbs others (a commune nouvelle of several
        // communes déléguées: one GEOS union, not one per déléguée).
        for new in merges.keys.sorted() {
            let target = byCode[new]!
            let absorbed = merges[new]!.sorted().map { byCode[$0]! }
            let union: MultiPolygon
            do {
                union = try engine.union(try ([target] + absorbed).map { try engine.makeValid($0.shape) })
            } catch {
                let first = absorbed[0]
                throw ZonegriseError.invalidFeature(file: first.file, feature: first.featureNumber,
                                                    detail: "cannot merge \(absorbed.map(\.code).joined(separator: ", ")) into \(new): \(NativeError.reason(of: error))")
            }
            byCode[new]!.shape = union
            byCode[new]!.wgs84 = nil
            for commune in absorbed { byCode[commune.code] = nil }
        }
        return Output(shapes: byCode.values.sorted { $0.code < $1.code }, skippedOutside: skipped, fused: fused,
                      fusedFromCOG: fromCOG.map { found in found.derived.keys.sorted().map { ($0, found.derived[$0]!) } } ?? [],
                      unplacedByCOG: fromCOG?.unplaced ?? [], fusions: fusions)
    }

    /// Reads one file: its communes of the loaded départements, projected to Lambert-93.
    static func readFile(_ file: String, source: CommuneSource, departements: Set<String>,
                         transformers: inout [CoordinateSystem: CoordinateTransformer?],
                         progress: (stage: ProgressStage, bytes: Int)? = nil) -> FileRead {
        if VectorInputFormat.readsThroughOGR(path: file, declared: source.format) {
            defer { progress?.stage.advance(by: progress?.bytes ?? 0) }
            return readOGRFile(file, source: source, departements: departements)
        }
        var read = FileRead()
        var seen: [String: String] = [:]
        // Half the file's bytes once parsed, the rest shared by its features as they are
        // projected; what is left over when the file ends (or fails) at its end.
        var reported = 0
        defer { progress?.stage.advance(by: (progress?.bytes ?? 0) - reported) }
        func report(_ bytes: Int) {
            guard let progress, bytes > 0 else { return }
            progress.stage.advance(by: bytes)
            reported += bytes
        }
        do {
            let document = try GeoJSONReader.read(try InputBytes.read(file), file: file)
            let parsedBytes = (progress?.bytes ?? 0) / 2
            report(parsedBytes)
            let perFeature = document.features.isEmpty ? 0 : ((progress?.bytes ?? 0) - parsedBytes) / document.features.count
            let crs = CoordinateSystem(crsName: document.crsName)
            let transformer: CoordinateTransformer?
            if let known = transformers[crs] {
                transformer = known
            } else {
                transformer = try crs.transformerToLambert93(file: file)
                transformers[crs] = transformer
            }
            for feature in document.features {
                guard let codeValue = feature.properties[source.codeProperty] else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "no \"\(source.codeProperty)\" property (set communes.code_property; properties found: \(ZonegriseError.columns(feature.properties.keys.sorted())))")
                }
                guard let code = codeValue.propertyText, !code.allSatisfy(\.isWhitespace) else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "the \"\(source.codeProperty)\" property is \(codeValue == .null ? "null" : "empty"); every commune needs its INSEE code")
                }
                guard Self.isCommuneCode(code) else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "\(source.codeProperty) \"\(MessageText.excerpt(code))\" is not a 5-character INSEE commune code")
                }
                guard departements.contains(Commune.departement(ofCode: code)) else {
                    read.skipped += 1
                    report(perFeature)
                    continue
                }
                guard let geometry = feature.geometry, var shape = geometry.asMultiPolygon else {
                    throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1,
                                                        detail: "commune \(code) has \(feature.geometry == nil ? "no geometry" : "a geometry that is not a Polygon or MultiPolygon")")
                }
                try crs.checkPositions(shape.allPoints, file: file, feature: feature.index + 1, what: "commune \(code)")
                let asRead = crs == .wgs84 ? shape : nil
                if let transformer {
                    do { shape = try transformer.transform(shape) } catch {
                        throw ZonegriseError.invalidFeature(file: file, feature: feature.index + 1, detail: "commune \(code) cannot be projected: \(NativeError.reason(of: error))")
                    }
                }
                let nom = feature.properties[source.nameProperty]?.propertyText ?? ""
                let origin = "\(file) feature \(feature.index + 1)"
                if let first = seen[code] {
                    throw ZonegriseError.duplicateCode(file: file, code: code, first: first, second: "feature \(feature.index + 1)")
                }
                // The file is the sentence's subject: the first occurrence is named by its feature.
                seen[code] = "feature \(feature.index + 1)"
                read.shapes.append(CommuneShape(code: code, nom: nom, shape: shape, wgs84: asRead, origin: origin,
                                                featureNumber: feature.index + 1, file: file))
                report(perFeature)
            }
        } catch {
            read.failure = error
        }
        return read
    }

    /// Five characters, digits except 2A/2B for Corsica.
    static func isCommuneCode(_ code: String) -> Bool {
        let chars = Array(code.utf8)
        guard chars.count == 5 else { return false }
        for (i, c) in chars.enumerated() {
            if (48 ... 57).contains(c) { continue }
            if i == 1, c == UInt8(ascii: "A") || c == UInt8(ascii: "B"), chars[0] == UInt8(ascii: "2") { continue }
            return false
        }
        return true
    }
}
