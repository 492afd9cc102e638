/// One re-run of the classification with one parameter moved (`analyse --sensitivite`):
/// every car time multiplied by a factor, or another share of a gamme's types making a
/// pole. Each variant moves one parameter alone; the others keep the run's values.
public enum SensitivityVariant: Hashable, Sendable {
    /// Every time to a pole or a site multiplied by `factor` (0.85: 15 % faster).
    case timeFactor(Double)
    /// Poles decided with this share of the gamme's types instead of the run's
    /// (`PoleClassifier.share`, an absolute share in (0, 1]).
    case poleShare(Double)

    /// The four variants of issue 10: times ×0.85 and ×1.15, pole shares 0.4 and 0.6.
    public static let standard: [SensitivityVariant] = [.timeFactor(0.85), .timeFactor(1.15), .poleShare(0.4), .poleShare(0.6)]

    /// Identifier in the run manifest: `temps_x0.85`, `part_poles_0.4`.
    public var name: String {
        switch self {
        case let .timeFactor(factor): return "temps_x" + BandScheme.text(factor)
        case let .poleShare(share): return "part_poles_" + BandScheme.text(share)
        }
    }

    /// French description for the report and LISEZMOI.txt.
    public var label: String {
        switch self {
        case let .timeFactor(factor): return "temps × " + Self.french(factor)
        case let .poleShare(share): return "pôles à " + Self.french(share * 100) + " % des types"
        }
    }

    /// A number with a decimal comma (`0,85`).
    static func french(_ value: Double) -> String { String(BandScheme.text(value).map { $0 == "." ? "," : $0 }) }

    /// The analysis parameters of the variant: only the pole share changes; times are
    /// scaled on the searches, not in the parameters.
    public func parameters(from base: AnalysisParameters) -> AnalysisParameters {
        guard case let .poleShare(share) = self else { return base }
        var moved = base
        moved.poles.share = share
        return moved
    }
}
