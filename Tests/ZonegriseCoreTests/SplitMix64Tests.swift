import Testing
import ZonegriseTestSupport

/// The shared seeded generator gives the sequence every seeded test was written with:
/// SplitMix64's published first output for seed 0 (Vigna's reference implementation,
/// splitmix64.c), and the values the five former copies gave.
@Suite struct SplitMix64Tests {
    @Test(arguments: [
        (0, [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]),
        (42, [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52]),
    ] as [(UInt64, [UInt64])])
    func firstOutputs(seed: UInt64, expected: [UInt64]) {
        var generator = SplitMix64(seed: seed)
        #expect((0 ..< expected.count).map { _ in generator.next() } == expected)
    }
}
