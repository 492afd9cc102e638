import Testing

/// Which highway classes a car uses and at what speed: a footway (or any excluded
/// class) is never a shortcut; the class speeds of profiles/car.yaml.
@Suite("Routing specs: highway classes")
struct HighwayClassSpecs {
    static let square = """
        a---b
        |   |
        c---d
        """

    @Test func footwayShortcutIsNotUsed() throws {
        // Around by residential streets: 800 m at 25 km/h.
        for excluded in ["footway", "pedestrian", "steps", "cycleway", "path", "track", "construction", "road"] {
            try RoutingSpec(Self.square, ways: """
                nodes | highway
                ab    | \(excluded)
                acdb  | residential
                """).check(routes: """
                from | to | seconds
                a    | b  | 115.2
                b    | a  | 115.2
                """)
        }
    }

    @Test func footwayOnlyNodesAreNotInTheNetwork() throws {
        let spec = RoutingSpec("""
            a---b---e
            |   |
            c---d
            """, ways: """
            nodes | highway
            be    | footway
            acdb  | residential
            """)
        let network = try spec.network()
        #expect(network.nodeOf["e"] == nil)
        #expect(network.nodeOf.keys.sorted() == ["a", "b", "c", "d"])
    }

    @Test func areaAndImpassableAreNotUsed() throws {
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | area
            ab    | residential | yes
            acdb  | residential |
            """).check(routes: """
            from | to | seconds
            a    | b  | 115.2
            """)
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | impassable
            ab    | residential | yes
            acdb  | residential |
            """).check(routes: """
            from | to | seconds
            a    | b  | 115.2
            """)
    }

    @Test func classSpeeds() throws {
        try RoutingSpec("""
            a---------b

            c---------d

            e---------f

            g---------h

            i---------j

            k---------l
            """, ways: """
            nodes | highway       | service
            ab    | primary       |
            cd    | residential   |
            ef    | living_street |
            gh    | service       |
            ij    | service       | parking_aisle
            kl    | secondary     |
            """).check(routes: """
            from | to | seconds
            a    | b  | 55.38
            c    | d  | 144.0
            e    | f  | 360.0
            g    | h  | 240.0
            i    | j  | 480.0
            k    | l  | 65.45
            """)
        // 1 km at 65, 25, 10, 15, 15 × 0.5 and 55 km/h.
    }

    @Test func fasterClassWinsOverShorterStreet() throws {
        // Direct tertiary 600 m at 40 km/h = 54 s; around by the secondary 1000 m at
        // 55 km/h = 65.45 s: the direct street wins. As residential (86.4 s) it loses.
        let map = """
            a-----b
            |      |
            c-----d
            """
        try RoutingSpec(map, ways: """
            nodes | highway
            ab    | tertiary
            acdb  | secondary
            """).check(routes: """
            from | to | seconds
            a    | b  | 54.0
            """)
        try RoutingSpec(map, ways: """
            nodes | highway
            ab    | residential
            acdb  | secondary
            """).check(routes: """
            from | to | seconds
            a    | b  | 65.45
            """)
    }
}
