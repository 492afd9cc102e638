import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

@Suite struct DecimalTextTests {
    @Test func formsAndRounding() {
        #expect(DecimalText.format(0.46, decimals: 2) == "0.46")
        #expect(DecimalText.format(12.5, decimals: 2) == "12.5")
        #expect(DecimalText.format(-3.25, decimals: 2) == "-3.25")
        #expect(DecimalText.format(30, decimals: 2) == "30")
        #expect(DecimalText.format(0.004, decimals: 2) == "0")
        #expect(DecimalText.format(-0.004, decimals: 2) == "0")
        #expect(DecimalText.format(1.000001, decimals: 6) == "1.000001")
        #expect(DecimalText.format(-1.5e-6, decimals: 6) == "-0.000002")
        // 2.05 is stored as 2.04999999999999982…: below the half, whatever 2.05 × 10
        // rounds to in floating point (exactly 20.5). The old writer rounded that
        // product and printed 2.1.
        #expect(DecimalText.format(2.05, decimals: 1) == "2")
        #expect(DecimalText.format(2.675, decimals: 2) == "2.67")
        #expect(DecimalText.format(1.005, decimals: 2) == "1")
        // Exact halves go away from zero (C's printf would go to even: 0.12, 2).
        #expect(DecimalText.format(0.125, decimals: 2) == "0.13")
        #expect(DecimalText.format(-0.125, decimals: 2) == "-0.13")
        #expect(DecimalText.format(2.5, decimals: 0) == "3")
        #expect(DecimalText.format(0.5, decimals: 0) == "1")
    }

    /// The exact reference: `value` = m · 2^e exactly (m a 53-bit integer), so
    /// value · 10^decimals = m · 10^decimals / 2^-e is a rational computed with 128-bit
    /// integers, rounded half away from zero, and printed digit by digit. Shares no code
    /// nor floating-point operation with `DecimalText`.
    static func exact(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite && (0 ... 6).contains(decimals))
        let magnitude = abs(value)
        guard magnitude != 0 else { return "0" }
        let m = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
        let e = (magnitude.isNormal ? Int(magnitude.exponentBitPattern) : 1) - 1075  // value = m · 2^e
        var power: UInt128 = 1
        for _ in 0 ..< decimals { power *= 10 }
        let numerator = m * power  // < 2^53 · 10^6 < 2^73
        var scaled: UInt128
        if e >= 0 {
            precondition(e < 50, "value too large for the reference")
            scaled = numerator << UInt128(e)
        } else if -e >= 127 {
            scaled = 0  // numerator < 2^73 ≤ half of 2^-e: rounds to 0
        } else {
            let k = UInt128(-e)
            scaled = numerator >> k
            let remainder = numerator & ((1 << k) - 1)
            if remainder << 1 >= (1 << k) { scaled += 1 }  // half or more: away from zero
        }
        guard scaled != 0 else { return "0" }
        var digits = String(scaled)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return (value < 0 ? "-" : "") + digits
    }

    @Test func referenceOnKnownValues() {
        #expect(Self.exact(2.05, decimals: 1) == "2")
        #expect(Self.exact(0.125, decimals: 2) == "0.13")
        #expect(Self.exact(-1.5e-6, decimals: 6) == "-0.000002")
        #expect(Self.exact(1234.5678, decimals: 0) == "1235")
        #expect(Self.exact(0.0001, decimals: 2) == "0")
        #expect(Self.exact(100, decimals: 2) == "100")
    }

    /// Oracle: the text equals the exact reference, on seeded random values of every
    /// magnitude the outputs hold (coordinates, minutes, percentages), exact halves
    /// (odd multiples of 2^-(decimals+1)), their neighbours one ulp away, and decimal
    /// literals on a half (k + 0.5) / 10^decimals as parsed, where rounding the scaled
    /// product goes wrong.
    @Test(arguments: 1 ... 4 as ClosedRange<UInt64>)
    func equalsTheExactReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var mismatches: [String] = []
        for _ in 0 ..< 4000 {
            let decimals = Int.random(in: 0 ... 6, using: &rng)
            let sign: Double = Bool.random(using: &rng) ? -1 : 1
            let value: Double
            switch Int.random(in: 0 ..< 5, using: &rng) {
            case 0:  // any magnitude from 1e-7 to 1e6
                value = sign * pow(10, Double.random(in: -7 ... 6, using: &rng))
            case 1:  // an exact half at this number of decimals
                let odd = Double(2 * Int.random(in: 0 ... 1_000_000, using: &rng) + 1)
                value = sign * odd / pow(2, Double(decimals + 1))
            case 2:  // one ulp either side of an exact half
                let odd = Double(2 * Int.random(in: 0 ... 100_000, using: &rng) + 1)
                let half = odd / pow(2, Double(decimals + 1))
                value = sign * (Bool.random(using: &rng) ? half.nextUp : half.nextDown)
            case 3:  // a decimal literal on a half, as parsed from text
                let k = Int.random(in: 0 ... 2_000_000, using: &rng)
                var text = String(k) + "5"
                text = String(repeating: "0", count: max(0, decimals + 2 - text.count)) + text
                text.insert(".", at: text.index(text.endIndex, offsetBy: -(decimals + 1)))
                value = sign * Double(text)!
            default:  // a time or a coordinate
                value = sign * Double.random(in: 0 ... 200, using: &rng)
            }
            let ours = DecimalText.format(value, decimals: decimals)
            let reference = Self.exact(value, decimals: decimals)
            if ours != reference { mismatches.append("\(value) at \(decimals): \(ours), exactly \(reference)") }
        }
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.count) mismatch(es), first: \(mismatches.prefix(5))")
    }

    /// Away from exact halves the reference agrees with C's `%.Nf` (glibc rounds the
    /// exact binary value): a check of the reference itself.
    @Test func referenceAgreesWithPrintfOffHalves() {
        var rng = SplitMix64(seed: 99)
        for _ in 0 ..< 2000 {
            let decimals = Int.random(in: 0 ... 6, using: &rng)
            let value = (Bool.random(using: &rng) ? -1.0 : 1.0) * pow(10, Double.random(in: -3 ... 5, using: &rng))
            var printf = String(format: "%.\(decimals)f", value)
            if printf.contains(".") {
                while printf.hasSuffix("0") { printf.removeLast() }
                if printf.hasSuffix(".") { printf.removeLast() }
            }
            if printf == "-0" { printf = "0" }
            #expect(Self.exact(value, decimals: decimals) == printf, "\(value) at \(decimals)")
        }
    }
}
