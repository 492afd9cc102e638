import Testing

/// `peak_hour_factor` multiplies every time, ferries included.
@Suite("Routing specs: peak-hour factor")
struct PeakHourSpecs {
    static let map = """
        a---b
        |   |
        c---d---e---f
        """

    static let ways = """
        nodes | highway     | oneway | route | duration
        ab    | residential | yes    |       |
        acdb  | primary     |        |       |
        de    |             |        | ferry | 00:01
        ef    | motorway    | no     |       |
        """

    static let pairs: [(Character, Character)] = [("a", "b"), ("b", "a"), ("a", "f"), ("f", "c"), ("d", "b"), ("e", "a")]

    @Test func freeFlowTimes() throws {
        try RoutingSpec(Self.map, ways: Self.ways, profile: routingSpecProfile { $0.ferries = true }).check(routes: """
            from | to | seconds
            a    | b  | 44.31
            b    | a  | 44.31
            a    | f  | 109.23
            """)
        // a → b: by the primary (800 m at 65 km/h, 44.31 s), faster than the oneway
        // residential (57.6 s); a → f: 600 m primary (33.23) + ferry 60 s + 400 m motorway (16 s).
    }

    @Test func peakHourFactorScalesAllTimes() throws {
        let free = try RoutingSpec(Self.map, ways: Self.ways, profile: routingSpecProfile { $0.ferries = true }).network()
        let peakSpec = RoutingSpec(Self.map, ways: Self.ways, profile: routingSpecProfile { $0.ferries = true; $0.peakHourFactor = 1.15 })
        let peak = try peakSpec.network()
        for (from, to) in Self.pairs {
            let slow = try #require(try peakSpec.seconds(peak, from: from, to: to, sourceLocation: #_sourceLocation))
            let fast = try #require(try peakSpec.seconds(free, from: from, to: to, sourceLocation: #_sourceLocation))
            // Each edge is rounded to a decisecond after the factor: a few hundredths.
            #expect(abs(slow - 1.15 * fast) <= 0.2, "\(from) → \(to): \(slow) s at peak, \(fast) s free flow")
        }
        try peakSpec.check(routes: """
            from | to | seconds
            a    | b  | 50.95
            a    | f  | 125.61
            """)
        // 44.31 × 1.15; (33.23 + 60 + 16) × 1.15 (each edge rounded).
    }

    @Test func peakHourFactorCanChangeNothingButTimes() throws {
        // The oneway residential stays unusable backwards whatever the factor.
        let spec = RoutingSpec("a---b", ways: """
            nodes | highway     | oneway
            ab    | residential | yes
            """, profile: routingSpecProfile { $0.peakHourFactor = 1.5 })
        try spec.check(routes: """
            from | to | seconds
            a    | b  | 86.4
            b    | a  | none
            """)
    }
}
