import Testing

/// `oneway` through whole routes: a one-way street is driven along its nodes only, so the
/// way back detours (or does not exist); `oneway=-1` is the mirror image.
/// Residential streets, 25 km/h: 100 m = 14.4 s.
@Suite("Routing specs: oneway")
struct OnewaySpecs {
    static let square = """
        a---b
        |   |
        c---d
        """

    @Test func onewayForwardIsDirectAndBackwardDetours() throws {
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | oneway
            ab    | residential | yes
            acdb  | residential |
            """).check(routes: """
            from | to | seconds
            a    | b  | 57.6
            b    | a  | 115.2
            a    | d  | 86.4
            d    | a  | 86.4
            b    | c  | 86.4
            """)
        // a → b: 400 m; b → a: b-d-c-a, 800 m; the other routes are 600 m either way.
    }

    @Test func onewayWithoutAlternativeHasNoWayBack() throws {
        try RoutingSpec("a---b---c", ways: """
            nodes | highway     | oneway
            abc   | residential | yes
            """).check(routes: """
            from | to | seconds
            a    | c  | 115.2
            b    | c  | 57.6
            c    | a  | none
            b    | a  | none
            c    | b  | none
            """)
    }

    @Test func onewayMinusOneRunsAgainstTheNodes() throws {
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | oneway
            ab    | residential | -1
            acdb  | residential |
            """).check(routes: """
            from | to | seconds
            b    | a  | 57.6
            a    | b  | 115.2
            """)
    }

    /// A place on the node where a one-way street starts (or ends) may use every other
    /// road of that node: it is not inside the one-way street. Primary 65 km/h: a-c is
    /// 200 m (11.08 s), a-c-d 600 m (33.23 s); the one-way street is 400 m (57.6 s).
    @Test func placeAtTheEndOfAOnewayStreetUsesTheOtherRoadsOfItsNode() throws {
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | oneway
            ab    | residential | yes
            acdb  | primary     |
            """).check(routes: """
            from | to | seconds
            a    | c  | 11.08
            a    | d  | 33.23
            c    | a  | 11.08
            """)
        try RoutingSpec(Self.square, ways: """
            nodes | highway     | oneway
            ab    | residential | -1
            acdb  | primary     |
            """).check(routes: """
            from | to | seconds
            c    | a  | 11.08
            d    | a  | 33.23
            a    | c  | 11.08
            """)
    }

    @Test func onewayNoAndUnreadableValuesAreTwoWay() throws {
        try RoutingSpec("""
            a---b

            c---d
            """, ways: """
            nodes | highway     | oneway
            ab    | residential | no
            cd    | residential | perhaps
            """).check(routes: """
            from | to | seconds
            a    | b  | 57.6
            b    | a  | 57.6
            c    | d  | 57.6
            d    | c  | 57.6
            """)
    }

    @Test func mostSpecificOnewayKeyWins() throws {
        // oneway:motorcar=no on a oneway=yes street: two-way for cars.
        try RoutingSpec("a---b", ways: """
            nodes | highway     | oneway | oneway:motorcar
            ab    | residential | yes    | no
            """).check(routes: """
            from | to | seconds
            b    | a  | 57.6
            """)
    }
}
