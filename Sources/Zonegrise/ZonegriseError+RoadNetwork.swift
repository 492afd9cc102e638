import ZonegriseOSM

extension ZonegriseError {
    /// Runs `body`, a step of `ZonegriseOSM`, turning the `OSMError` it throws into
    /// `.roadNetwork`, so that the CLI prints the same sentence as for any other bad
    /// input. Other errors pass through.
    static func wrappingRoadNetworkErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OSMError {
            throw ZonegriseError.roadNetwork(error)
        }
    }
}
