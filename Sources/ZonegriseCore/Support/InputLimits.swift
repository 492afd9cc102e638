/// The ranges every number read from an input must fall in, checked where it is read
/// (manifest, command line, CSV, GeoJSON, car profile, OpenStreetMap nodes).
///
/// The limits are generous (far beyond any real French commune, road or threshold) and
/// documented in docs/MANIFEST.md ("Ranges of values"). They exist so that nothing
/// absurd reaches the arithmetic: with every population at most `maximumPopulation` and
/// every count at most `maximumEquipmentCount`, no sum of a file's rows can overflow a
/// 64-bit integer (a file would need more than 10¹² rows), and with minutes, speeds and
/// coordinates bounded every time computed is a finite number a writer can print.
public enum InputLimits {
    /// Inhabitants of one commune (or one population row). Paris, the largest, has 2.1 M.
    public static let maximumPopulation = 10_000_000

    /// Equipments of one BPE row (`NB_EQUIP`, one commune × IRIS × type); the largest in
    /// BPE 2019 is 649.
    public static let maximumEquipmentCount = 1_000_000

    /// Per-commune weight of the recommendation's objective (households, people over 75…).
    public static let maximumWeight = 1_000_000_000

    /// Every duration in minutes read from an input: zone grise thresholds, band limits,
    /// layer thresholds, matrix times (one day).
    public static let maximumMinutes = 1_440.0

    /// Speeds in km/h: crow-fly, off-road, car profile class speeds, speed cap, ferries,
    /// maxspeed symbols and tags (a maxspeed tag outside is unreadable).
    public static let speedKmh: ClosedRange<Double> = 1 ... 300

    /// Crow-fly detour (road distance ÷ straight-line distance).
    public static let detour: ClosedRange<Double> = 1 ... 10

    /// Crow-fly access minutes (the fixed part of every trip).
    public static let accessMinutes: ClosedRange<Double> = 0 ... 60

    /// Multiplying ratios of the car profile (`maxspeed.factor`, `service_speed_factors`).
    public static let speedFactor: ClosedRange<Double> = 0.05 ... 2

    /// The `osm` model's `max_snap_metres` and the recommendation's minimum distance
    /// between sites (1,000 km).
    public static let maximumDistanceMetres = 1_000_000.0

    /// Density in inhabitants per km² (a candidate rule); Paris has about 20,000.
    public static let maximumDensityPerSquareKm = 1_000_000.0

    /// WGS84 longitude and latitude, decimal degrees.
    public static let longitude: ClosedRange<Double> = -180 ... 180
    public static let latitude: ClosedRange<Double> = -90 ... 90

    /// Lambert-93 (EPSG:2154) metres as read from a file that says it uses Lambert-93:
    /// metropolitan France spans x 100 km to 1,250 km and y 6,000 km to 7,150 km; the
    /// box allows 1,000 km more on every side.
    public static let lambert93X: ClosedRange<Double> = -1_000_000 ... 2_500_000
    public static let lambert93Y: ClosedRange<Double> = 5_000_000 ... 8_200_000

    /// Any other projected coordinate (metres of another CRS, the coordinates of a
    /// geolocated BPE, whose overseas rows use local UTM zones): at most this far from the
    /// origin (100,000 km, more than twice around the Earth).
    public static let maximumProjectedMetres = 100_000_000.0

    /// True when (x, y) is a longitude and a latitude.
    public static func isWGS84(x: Double, y: Double) -> Bool {
        longitude.contains(x) && latitude.contains(y)
    }

    /// True when (x, y) is a plausible Lambert-93 position.
    public static func isLambert93(x: Double, y: Double) -> Bool {
        lambert93X.contains(x) && lambert93Y.contains(y)
    }

    /// True when (x, y) is a plausible projected position of any CRS in metres.
    public static func isProjected(x: Double, y: Double) -> Bool {
        abs(x) <= maximumProjectedMetres && abs(y) <= maximumProjectedMetres
    }

    /// `value` in words for messages: `1440`, `0.05`, `10,000,000` (thousands separated).
    public static func text(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return String(value) }
        return text(Int(value))
    }

    /// `value` with thousands separated by commas, as in the docs: `10,000,000`.
    public static func text(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// "from 1 to 300" for messages.
    public static func text(_ range: ClosedRange<Double>) -> String {
        "from \(text(range.lowerBound)) to \(text(range.upperBound))"
    }
}
