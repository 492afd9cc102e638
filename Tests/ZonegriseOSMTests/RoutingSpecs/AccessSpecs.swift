import Testing

/// Access tags through whole routes: a street closed to cars is not used, the route goes
/// around it; the most specific access key decides. Residential, 25 km/h: the direct
/// street a-b is 400 m (57.6 s), around by c and d 800 m (115.2 s).
@Suite("Routing specs: access")
struct AccessSpecs {
    static let square = """
        a---b
        |   |
        c---d
        """

    static func route(closing tags: String, expected: String) throws {
        let names = tags.split(separator: " ").map { String($0.split(separator: "=")[0]) }
        let values = tags.split(separator: " ").map { String($0.split(separator: "=")[1]) }
        try RoutingSpec(square, ways: """
            nodes | highway     | \(names.joined(separator: " | "))
            ab    | residential | \(values.joined(separator: " | "))
            acdb  | residential | \(names.map { _ in "" }.joined(separator: " | "))
            """).check(routes: """
            from | to | seconds
            a    | b  | \(expected)
            b    | a  | \(expected)
            """)
    }

    @Test func accessNoIsNotUsed() throws {
        try Self.route(closing: "access=no", expected: "115.2")
    }

    @Test func motorVehiclePrivateIsNotUsed() throws {
        try Self.route(closing: "motor_vehicle=private", expected: "115.2")
    }

    @Test func otherDeniedValuesAreNotUsed() throws {
        for tags in ["motorcar=agricultural", "vehicle=no", "access=psv", "access=delivery", "motorcar=forestry"] {
            try Self.route(closing: tags, expected: "115.2")
        }
    }

    @Test func moreSpecificPermissionWins() throws {
        try Self.route(closing: "access=no motor_vehicle=yes", expected: "57.6")
        try Self.route(closing: "access=private motorcar=destination", expected: "57.6")
    }

    @Test func destinationAndPermissiveAreUsed() throws {
        try Self.route(closing: "access=destination", expected: "57.6")
        try Self.route(closing: "motor_vehicle=permissive", expected: "57.6")
    }

    @Test func moreSpecificRefusalWins() throws {
        try Self.route(closing: "access=yes motorcar=no", expected: "115.2")
    }
}
