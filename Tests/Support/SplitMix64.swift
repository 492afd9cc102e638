/// SplitMix64 (Steele, Lea, Flood 2014, "Fast splittable pseudorandom number
/// generators"): a small seeded generator, so that the random cases of tests and the
/// synthetic graphs of benchmarks are the same on every machine, and a failing case
/// replays from the seed it prints.
///
/// The one copy for every test target and the routing benchmark; the same seed gives
/// the same sequence as the copies it replaces (pinned by `SplitMix64Tests`).
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
