/// The rules that turn the tags of an OpenStreetMap way into car travel: which ways a car
/// may use, in which directions, at what speed. Data a user can edit: the default is
/// `profiles/car.yaml` (`CarProfile.standard`, pinned equal to the file by a test); the
/// YAML form is read by `CarProfile.load(path:)`.
///
/// Modelled on OSRM's `car.lua` (Project OSRM, profiles/car.lua, v5): the same class
/// speeds, `maxspeed` × 0.8 when tagged, the same access hierarchy and refused values.
/// Where this profile differs (no surface, turn or traffic-signal penalties; `none`
/// and unreadable `maxspeed` fall back to the class speed; an overall speed cap; a
/// peak-hour factor), `profiles/car.yaml` says so.
///
/// Evaluation is pure (`evaluate(tags:)`), so one profile serves many threads.
public struct CarProfile: Hashable, Sendable {
    /// The YAML format this code reads (`version:` in the file).
    public static let formatVersion = 1

    /// A short name for reports ("car").
    public var name: String
    /// Speed in km/h on a way of each `highway` class without a usable `maxspeed`. A class
    /// that is not here (or is in `excludedHighways`) is not drivable.
    public var highwaySpeedsKmh: [String: Double]
    /// `highway` classes never drivable, even when `highwaySpeedsKmh` has them (so that
    /// enabling `track` is a one-line change).
    public var excludedHighways: Set<String>
    /// A way with any of these `key=value` pairs is not drivable (`area=yes`,
    /// `impassable=yes`, `oneway=reversible`…). Keys map to the refused values.
    public var excludedTags: [String: Set<String>]

    /// The speed driven on a tagged limit, as a share of it: traffic, bends and junctions
    /// keep the mean below the limit (OSRM's `speed_reduction`, 0.8).
    public var maxspeedFactor: Double
    /// Symbolic limits, keys in lower case ("fr:urban" → 50, "walk" → 6).
    public var maxspeedSymbolsKmh: [String: Double]
    /// Fallback for "xx:kind" symbols of countries not in `maxspeedSymbolsKmh`, by kind
    /// ("urban" → 50): OSRM's `maxspeed_table_default`.
    public var maxspeedKindsKmh: [String: Double]

    /// No way is faster than this, whatever its class or tags (a guard against
    /// `maxspeed=500` typos; 130 km/h is the French motorway limit).
    public var speedCapKmh: Double
    /// Multipliers of the speed of `highway=service` ways by their `service` value
    /// (parking aisles and driveways are slow: OSRM's `service_penalties`).
    public var serviceSpeedFactors: [String: Double]

    /// Keys read for the direction of a way, most specific first; the first present
    /// decides (`oneway:motorcar`, …, `oneway`).
    public var onewayTags: [String]
    /// `highway` classes that are one-way unless tagged otherwise (motorways).
    public var impliedOnewayHighways: Set<String>
    /// `junction` values that make a way one-way unless tagged otherwise (roundabouts).
    public var impliedOnewayJunctions: Set<String>

    /// Access keys, most specific first; the first present decides (OSRM's
    /// `access_tags_hierarchy`: `motorcar`, `motor_vehicle`, `vehicle`, `access`).
    public var accessTags: [String]
    /// Access values that forbid a car (OSRM's `access_tag_blacklist`).
    public var deniedAccessValues: Set<String>

    /// Whether `route=ferry` ways carry cars (off by default: crossings are rare in the
    /// French interior and their timetables are not modelled).
    public var ferries: Bool
    /// Ferry speed in km/h when the way has no readable `duration` (OSRM's 5 km/h
    /// includes boarding and waiting).
    public var ferrySpeedKmh: Double

    /// Multiplies every time, ferries included: 1 gives free-flow times; above 1
    /// approximates peak hour (*heure pleine*, the SDAASP's convention).
    public var peakHourFactor: Double

    public init(
        name: String,
        highwaySpeedsKmh: [String: Double],
        excludedHighways: Set<String>,
        excludedTags: [String: Set<String>],
        maxspeedFactor: Double,
        maxspeedSymbolsKmh: [String: Double],
        maxspeedKindsKmh: [String: Double],
        speedCapKmh: Double,
        serviceSpeedFactors: [String: Double],
        onewayTags: [String],
        impliedOnewayHighways: Set<String>,
        impliedOnewayJunctions: Set<String>,
        accessTags: [String],
        deniedAccessValues: Set<String>,
        ferries: Bool,
        ferrySpeedKmh: Double,
        peakHourFactor: Double
    ) {
        self.name = name
        self.highwaySpeedsKmh = highwaySpeedsKmh
        self.excludedHighways = excludedHighways
        self.excludedTags = excludedTags
        self.maxspeedFactor = maxspeedFactor
        self.maxspeedSymbolsKmh = Dictionary(maxspeedSymbolsKmh.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.maxspeedKindsKmh = Dictionary(maxspeedKindsKmh.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.speedCapKmh = speedCapKmh
        self.serviceSpeedFactors = serviceSpeedFactors
        self.onewayTags = onewayTags
        self.impliedOnewayHighways = impliedOnewayHighways
        self.impliedOnewayJunctions = impliedOnewayJunctions
        self.accessTags = accessTags
        self.deniedAccessValues = deniedAccessValues
        self.ferries = ferries
        self.ferrySpeedKmh = ferrySpeedKmh
        self.peakHourFactor = peakHourFactor
    }
}
