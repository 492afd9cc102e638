import Testing

/// One-way without an `oneway` tag: roundabouts (`junction=roundabout` / `circular`)
/// and motorways and their links, unless `oneway=no` says otherwise; motorway and
/// motorway_link speeds (90 and 45 km/h).
@Suite("Routing specs: implied oneway")
struct ImpliedOnewaySpecs {
    /// A roundabout a → b → c → d → a (primary, 65 km/h), entered from x at a and from y
    /// at b by residential streets of 200 m (28.8 s each).
    static let roundabout = """
        x-a---b-y
          |   |
          d---c
        """

    @Test func roundaboutIsDrivenInTheOrderOfItsNodes() throws {
        try RoutingSpec(Self.roundabout, ways: """
            nodes | highway     | junction
            abcda | primary     | roundabout
            xa    | residential |
            by    | residential |
            """).check(routes: """
            from | to | seconds
            x    | y  | 79.75
            y    | x  | 101.91
            """)
        // x → y: 28.8 + 400 m at 65 km/h (22.15) + 28.8; y → x: b-c-d-a is 800 m (44.31).
    }

    @Test func circularJunctionIsOnewayToo() throws {
        try RoutingSpec(Self.roundabout, ways: """
            nodes | highway     | junction
            abcda | primary     | circular
            xa    | residential |
            by    | residential |
            """).check(routes: """
            from | to | seconds
            y    | x  | 101.91
            """)
    }

    @Test func roundaboutTaggedTwoWayIsTwoWay() throws {
        try RoutingSpec(Self.roundabout, ways: """
            nodes | highway     | junction   | oneway
            abcda | primary     | roundabout | no
            xa    | residential |            |
            by    | residential |            |
            """).check(routes: """
            from | to | seconds
            y    | x  | 79.75
            """)
    }

    @Test func motorwayAndLinkAreOneway() throws {
        // Motorway a-b-c, 600 m per segment at 90 km/h (24 s); link b-d, 200 m at 45 km/h (16 s).
        try RoutingSpec("""
            a-----b-----c
                  |
                  d
            """, spacingMetres: 100, ways: """
            nodes | highway
            abc   | motorway
            bd    | motorway_link
            """).check(routes: """
            from | to | seconds
            a    | c  | 48.0
            a    | d  | 40.0
            b    | d  | 16.0
            c    | a  | none
            d    | b  | none
            d    | a  | none
            """)
    }

    @Test func wrongWayOnMotorwayDetours() throws {
        // b → a against the motorway (800 m at 90 km/h, 32 s) goes round by residential
        // streets: 200 + 800 + 200 m at 25 km/h = 172.8 s.
        try RoutingSpec("""
            a-------b
            |        |
            c-------d
            """, ways: """
            nodes | highway
            ab    | motorway
            acdb  | residential
            """).check(routes: """
            from | to | seconds
            a    | b  | 32.0
            b    | a  | 172.8
            """)
    }

    @Test func motorwayTaggedTwoWayIsTwoWay() throws {
        try RoutingSpec("a-----b", ways: """
            nodes | highway  | oneway
            ab    | motorway | no
            """).check(routes: """
            from | to | seconds
            b    | a  | 24.0
            """)
        try RoutingSpec("a-----b", ways: """
            nodes | highway       | oneway
            ab    | motorway_link | -1
            """).check(routes: """
            from | to | seconds
            b    | a  | 48.0
            a    | b  | none
            """)
    }
}
