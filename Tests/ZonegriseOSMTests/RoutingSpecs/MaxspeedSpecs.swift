import Testing

/// `maxspeed` L replaces the class speed with L × 0.8, up or down, in every form the
/// profile reads. Each road below is 1 km (ten columns of 100 m).
@Suite("Routing specs: maxspeed")
struct MaxspeedSpecs {
    @Test func maxspeedFormsSetTheSpeed() throws {
        try RoutingSpec("""
            a---------b

            c---------d

            e---------f

            g---------h

            i---------j

            k---------l
            """, ways: """
            nodes | highway     | maxspeed | maxspeed:backward
            ab    | primary     | 50       |
            cd    | primary     | FR:rural |
            ef    | primary     | 30 mph   |
            gh    | primary     |          |
            ij    | residential | 90       |
            kl    | primary     | 70       | 30
            """).check(routes: """
            from | to | seconds
            a    | b  | 90.0
            b    | a  | 90.0
            c    | d  | 56.25
            e    | f  | 93.21
            f    | e  | 93.21
            g    | h  | 55.38
            i    | j  | 50.0
            k    | l  | 64.29
            l    | k  | 150.0
            """)
        // 1 km at: 50 × 0.8 = 40 km/h (90 s); 80 × 0.8 = 64 km/h (56.25 s);
        // 30 × 1.609344 × 0.8 = 38.62 km/h (93.21 s); the primary class speed 65 km/h
        // (55.38 s); 90 × 0.8 = 72 km/h on a residential street, faster than its class
        // (50 s); 70 × 0.8 = 56 km/h forward (64.29 s), 30 × 0.8 = 24 km/h backward (150 s).
    }

    @Test func maxspeedChangesTheRouteChosen() throws {
        let map = """
            a-----b
            |      |
            c-----d
            """
        // The direct street is 600 m at 25 km/h (86.4 s); around by the primary is
        // 200 + 600 + 200 m at 65 km/h (55.38 s).
        try RoutingSpec(map, ways: """
            nodes | highway     | maxspeed
            ab    | residential |
            acdb  | primary     |
            """).check(routes: """
            from | to | seconds
            a    | b  | 55.38
            """)
        // A 30 limit on the primary: 24 km/h, 150 s around; the direct street wins.
        try RoutingSpec(map, ways: """
            nodes | highway     | maxspeed
            ab    | residential |
            acdb  | primary     | 30
            """).check(routes: """
            from | to | seconds
            a    | b  | 86.4
            """)
    }

    @Test func unusableMaxspeedKeepsTheClassSpeed() throws {
        try RoutingSpec("""
            a---------b

            c---------d
            """, ways: """
            nodes | highway | maxspeed
            ab    | primary | none
            cd    | primary | fast
            """).check(routes: """
            from | to | seconds
            a    | b  | 55.38
            c    | d  | 55.38
            """)
    }

    @Test func speedCapBoundsATypo() throws {
        // maxspeed=500: 400 km/h, capped at 130 km/h: 1 km in 27.69 s.
        try RoutingSpec("a---------b", ways: """
            nodes | highway  | maxspeed
            ab    | motorway | 500
            """).check(routes: """
            from | to | seconds
            a    | b  | 27.69
            """)
    }
}
