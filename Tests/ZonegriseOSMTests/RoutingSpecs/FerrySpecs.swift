import Testing

/// `route=ferry`: not used by the standard profile; with ferries enabled, crossed at
/// 5 km/h or in its `duration`. Residential streets a-b and c-d of 400 m (57.6 s each)
/// joined only by a 400 m ferry b-c.
@Suite("Routing specs: ferries")
struct FerrySpecs {
    static let crossing = """
        a---b---c---d
        """

    static func ways(duration: String = "") -> String {
        """
        nodes | highway     | route | duration
        ab    | residential |       |
        bc    |             | ferry | \(duration)
        cd    | residential |       |
        """
    }

    @Test func ferryIsExcludedByDefault() throws {
        try RoutingSpec(Self.crossing, ways: Self.ways()).check(routes: """
            from | to | seconds
            a    | b  | 57.6
            a    | d  | none
            d    | a  | none
            """)
    }

    @Test func ferryIsUsedWhenTheProfileEnablesFerries() throws {
        let profile = routingSpecProfile { $0.ferries = true }
        // 57.6 + 400 m at 5 km/h (288 s) + 57.6.
        try RoutingSpec(Self.crossing, ways: Self.ways(), profile: profile).check(routes: """
            from | to | seconds
            a    | d  | 403.2
            d    | a  | 403.2
            """)
    }

    @Test func ferryDurationWins() throws {
        let profile = routingSpecProfile { $0.ferries = true }
        try RoutingSpec(Self.crossing, ways: Self.ways(duration: "00:02"), profile: profile).check(routes: """
            from | to | seconds
            a    | d  | 235.2
            """)
    }

    @Test func ferryAtTheProfileSpeed() throws {
        let profile = routingSpecProfile { $0.ferries = true; $0.ferrySpeedKmh = 10 }
        try RoutingSpec(Self.crossing, ways: Self.ways(), profile: profile).check(routes: """
            from | to | seconds
            a    | d  | 259.2
            """)
    }

    @Test func slowerFerryLosesToTheRoad() throws {
        // Road around: 200 + 400 + 200 m at 25 km/h = 115.2 s; the ferry b-c: 288 s.
        let profile = routingSpecProfile { $0.ferries = true }
        try RoutingSpec("""
            b---c
            |   |
            e---f
            """, ways: """
            nodes | highway     | route
            bc    |             | ferry
            befc  | residential |
            """, profile: profile).check(routes: """
            from | to | seconds
            b    | c  | 115.2
            """)
    }
}
