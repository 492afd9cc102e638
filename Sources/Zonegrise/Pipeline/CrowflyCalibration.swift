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
///
/// A second fit is the centre-to-centre one (`sdaasp`): on the communes that do not have
/// the equipment only (for one that has it the centre-to-centre time is 0 by definition,
/// while the reference measures the trip from each home), speed and access minutes
/// together (`CrowflyModel.accessMinutes`).
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
        /// Centre to centre: the best speed and access minutes on the communes without
        /// the equipment; and the best single speed (no access term) on the same communes.
        public var centreToCentre: Candidate
        public var centreToCentreSingleSpeed: Candidate
        /// The `sdaasp` defaults (`TimeConvention.crowfly`) on those communes.
        public var centreToCentreDefaults: Candidate
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
    /// Access minutes tried with every speed in the centre-to-centre fit.
    public var accessMinutes: [Double]

    public init(reference: [String: Double], typequ: String, detour: Double = CrowflyModel.calibratedDetour, speedsKmh: [Double],
                accessMinutes: [Double] = Self.defaultAccessMinutes) {
        self.reference = reference
        self.typequ = typequ
        self.detour = detour
        self.speedsKmh = speedsKmh
        self.accessMinutes = accessMinutes
    }

    /// 0 to 6 minutes by 0.1.
    public static let defaultAccessMinutes = (0 ... 60).map { Double($0) / 10 }

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
        let equipped = Set(targets.map(\.communeCode))
        let trips = origins.indices.filter { !equipped.contains(origins[$0].communeCode) }
        func evaluate(_ model: CrowflyModel, only subset: [Int]? = nil) -> Candidate {
            let found = model.nearest(from: origins, to: targets, horizonMinutes: .infinity)
            let errors = (subset ?? Array(origins.indices)).map { (found[$0]?.minutes ?? .infinity) - observed[$0] }
            return Self.candidate(model, errors)
        }
        var candidates: [Candidate] = []
        for intra in [false, true] {
            for speed in speedsKmh {
                candidates.append(evaluate(CrowflyModel(speedKmh: speed, detour: detour, intraCommune: intra)))
            }
        }
        func smallest(_ list: [Candidate]) -> Candidate {
            list.min { ($0.meanAbsoluteErrorMinutes, $0.medianAbsoluteErrorMinutes) < ($1.meanAbsoluteErrorMinutes, $1.medianAbsoluteErrorMinutes) }!
        }
        guard !trips.isEmpty else {
            throw ZonegriseError.inconsistent(detail: "calibration: every reference commune has equipment \(typequ), so no centre-to-centre trip to fit")
        }
        // Nearest targets by distance do not depend on the model: find them once.
        let unit = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let kilometres = unit.nearest(from: origins, to: targets, horizonMinutes: .infinity).map { $0.map { $0.minutes } }
        var centre: [Candidate] = []
        for access in accessMinutes {
            for speed in speedsKmh {
                let model = CrowflyModel(speedKmh: speed, detour: detour, intraCommune: false, accessMinutes: access)
                let errors = trips.map { i in kilometres[i].map { model.minutes(distanceMetres: $0 * 1000) } ?? .infinity }
                    .enumerated().map { $0.element - observed[trips[$0.offset]] }
                centre.append(Self.candidate(model, errors))
            }
        }
        let calibrated = TimeConvention.sdaasp.crowfly(intraCommune: false)
        return Outcome(best: smallest(candidates), candidates: candidates, defaults: evaluate(CrowflyModel()),
                       centreToCentre: smallest(centre), centreToCentreSingleSpeed: smallest(centre.filter { $0.model.accessMinutes == 0 }),
                       centreToCentreDefaults: evaluate(CrowflyModel(speedKmh: calibrated.speedKmh, detour: detour, intraCommune: false,
                                                                     accessMinutes: calibrated.accessMinutes), only: trips),
                       skipped: reference.count - analysed.count, targets: targets.count)
    }

    static func candidate(_ model: CrowflyModel, _ errors: [Double]) -> Candidate {
        let absolute = errors.map(abs).sorted()
        return Candidate(model: model, communes: errors.count,
                         medianAbsoluteErrorMinutes: quantile(absolute, 0.5),
                         p90AbsoluteErrorMinutes: quantile(absolute, 0.9),
                         meanAbsoluteErrorMinutes: absolute.reduce(0, +) / Double(absolute.count),
                         meanSignedErrorMinutes: errors.reduce(0, +) / Double(errors.count))
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
