import ZonegriseCore

/// Fits the crow-fly model to routed reference times (METHOD.md §3): for every
/// candidate speed, with and without the intra-commune term, the model's time from each
/// commune to the nearest commune having an equipment type is compared with the
/// reference time of that commune, and the candidate with the smallest mean absolute
/// error wins.
///
/// The reference shipped in `../shared/geodata/reference/` gives, for the 1,232
/// communes of Pays de la Loire, INSEE's population-weighted car time (Metric-OSRM on
/// OSM roads) to the nearest general practitioner. Detour and speed only act through
/// their ratio, so the detour is fixed and the speed is fitted.
/// - Complexity: O(candidates × communes) after one grid build per candidate.
public struct CrowflyCalibration {
    public struct Candidate: Hashable, Sendable {
        public var model: CrowflyModel
        /// Communes compared.
        public var communes: Int
        public var medianAbsoluteErrorMinutes: Double
        public var p90AbsoluteErrorMinutes: Double
        public var meanAbsoluteErrorMinutes: Double
        /// Mean of model − reference: positive when the model is too slow.
        public var meanSignedErrorMinutes: Double
    }

    public struct Outcome {
        public var best: Candidate
        /// Every candidate, in the order tried.
        public var candidates: [Candidate]
        /// The model with the tool's current defaults, on the same communes.
        public var defaults: Candidate
        /// Reference communes left out: absent from the geometry, or without a time.
        public var skipped: Int
        public var targets: Int
    }

    /// Commune code → reference minutes.
    public var reference: [String: Double]
    /// The equipment type of the reference (D201, general practitioner, in BPE 2019).
    public var typequ: String
    public var detour: Double
    public var speedsKmh: [Double]

    public init(reference: [String: Double], typequ: String, detour: Double = CrowflyModel.calibratedDetour, speedsKmh: [Double]) {
        self.reference = reference
        self.typequ = typequ
        self.detour = detour
        self.speedsKmh = speedsKmh
    }

    public func run(_ input: AnalysisInput) throws -> Outcome {
        let analysed = input.communes.filter { input.analysedCodes.contains($0.code) && reference[$0.code] != nil }
            .sorted { $0.code < $1.code }
        let targets = input.communes.filter { input.typesByCommune[$0.code]?.contains(typequ) == true }
            .sorted { $0.code < $1.code }
            .map { Place(communeCode: $0.code, point: $0.centre) }
        guard !analysed.isEmpty, !targets.isEmpty else {
            throw ZonegriseError.inconsistent(detail: "calibration: no reference commune in the analysis area, or no commune with equipment \(typequ)")
        }
        let origins = analysed.map { Place(communeCode: $0.code, point: $0.centre, communeAreaSquareMetres: $0.areaSquareMetres) }
        let observed = analysed.map { reference[$0.code]! }
        func evaluate(_ model: CrowflyModel) -> Candidate {
            let found = model.nearest(from: origins, to: targets, horizonMinutes: .infinity)
            let errors = zip(found, observed).map { ($0.0?.minutes ?? .infinity) - $0.1 }
            let absolute = errors.map(abs).sorted()
            return Candidate(model: model, communes: errors.count,
                             medianAbsoluteErrorMinutes: Self.quantile(absolute, 0.5),
                             p90AbsoluteErrorMinutes: Self.quantile(absolute, 0.9),
                             meanAbsoluteErrorMinutes: absolute.reduce(0, +) / Double(absolute.count),
                             meanSignedErrorMinutes: errors.reduce(0, +) / Double(errors.count))
        }
        var candidates: [Candidate] = []
        for intra in [false, true] {
            for speed in speedsKmh {
                candidates.append(evaluate(CrowflyModel(speedKmh: speed, detour: detour, intraCommune: intra)))
            }
        }
        let best = candidates.min { ($0.meanAbsoluteErrorMinutes, $0.medianAbsoluteErrorMinutes) < ($1.meanAbsoluteErrorMinutes, $1.medianAbsoluteErrorMinutes) }!
        return Outcome(best: best, candidates: candidates, defaults: evaluate(CrowflyModel()),
                       skipped: reference.count - analysed.count, targets: targets.count)
    }

    /// Linear-interpolated quantile of sorted values (type 7, as R and numpy default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

extension CrowflyCalibration {
    /// Reads reference times from a GeoJSON of communes (`code` and a minutes property);
    /// features whose time is null are left out.
    public static func readReference(path: String, codeProperty: String = "code", property: String) throws -> [String: Double] {
        let document = try GeoJSONReader.read(try InputBytes.read(path), file: path)
        var result: [String: Double] = [:]
        for feature in document.features {
            guard let code = feature.properties[codeProperty]?.propertyText else {
                throw ZonegriseError.invalidFeature(file: path, feature: feature.index + 1, detail: "no \"\(codeProperty)\" property")
            }
            guard let value = feature.properties[property], !value.isNull else { continue }
            guard let minutes = value.doubleValue, (0 ... InputLimits.maximumMinutes).contains(minutes) else {
                throw ZonegriseError.invalidFeature(file: path, feature: feature.index + 1,
                                                    detail: "\(property) is not a number of minutes from 0 to \(InputLimits.text(InputLimits.maximumMinutes))")
            }
            result[code] = minutes
        }
        return result
    }
}
