extension CarProfile {
    /// The default car profile, the values of `profiles/car.yaml` (a test keeps the two
    /// equal). The file explains each choice.
    public static let standard = CarProfile(
        name: "car",
        highwaySpeedsKmh: [
            "motorway": 90, "motorway_link": 45,
            "trunk": 85, "trunk_link": 40,
            "primary": 65, "primary_link": 30,
            "secondary": 55, "secondary_link": 25,
            "tertiary": 40, "tertiary_link": 20,
            "unclassified": 25, "residential": 25,
            "living_street": 10, "service": 15,
            "track": 15,
        ],
        excludedHighways: [
            "track", "footway", "cycleway", "path", "steps", "pedestrian", "bridleway", "construction",
            "proposed", "platform", "corridor", "bus_guideway", "busway", "raceway", "escape", "elevator",
            "via_ferrata", "abandoned", "disused", "razed", "road",
        ],
        excludedTags: [
            "area": ["yes"],
            "impassable": ["yes"],
            "status": ["impassable"],
            "oneway": ["reversible"],
        ],
        maxspeedFactor: 0.8,
        maxspeedSymbolsKmh: [
            "fr:urban": 50, "fr:rural": 80, "fr:trunk": 110, "fr:motorway": 130,
            "fr:zone30": 30, "fr:zone20": 20, "fr:living_street": 20, "fr:walk": 6,
            "walk": 6, "living_street": 20,
        ],
        maxspeedKindsKmh: [
            "urban": 50, "rural": 90, "trunk": 110, "motorway": 130, "living_street": 20, "walk": 6,
        ],
        speedCapKmh: 130,
        serviceSpeedFactors: [
            "parking_aisle": 0.5, "parking": 0.5, "driveway": 0.5, "alley": 0.5,
            "drive-through": 0.5, "drive-thru": 0.5,
        ],
        onewayTags: ["oneway:motorcar", "oneway:motor_vehicle", "oneway:vehicle", "oneway"],
        impliedOnewayHighways: ["motorway", "motorway_link"],
        impliedOnewayJunctions: ["roundabout", "circular"],
        accessTags: ["motorcar", "motor_vehicle", "vehicle", "access"],
        deniedAccessValues: ["no", "private", "agricultural", "forestry", "emergency", "psv", "customers", "delivery"],
        ferries: false,
        ferrySpeedKmh: 5,
        peakHourFactor: 1.0
    )
}
