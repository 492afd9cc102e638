/// Builds a `Double` from decimal digits fed one at a time, correctly rounded.
///
/// Readers call this instead of making a `String` per number: geodata holds millions of
/// short decimals (`2.47298`, `50.51908`), and for those Clinger's fast path is exact:
/// when the significand fits in 53 bits and the power of ten is at most 22, one IEEE
/// multiplication or division of two exact doubles gives the correctly rounded result
/// (W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990). Anything
/// else (17-digit significands, huge exponents) falls back to the standard library's
/// exact conversion, so the result is always the nearest double.
struct DecimalAccumulator {
    /// Significant digits read so far, without the decimal point.
    private var significand: UInt64 = 0
    /// Power of ten to apply to `significand`.
    private var exponent = 0
    /// True when a non-zero digit did not fit in `significand` (the fast path is then inexact).
    private var droppedDigits = false
    /// Saturated value of an explicit exponent (`e-5`), kept apart until `value`.
    private var explicitExponent = 0

    /// Above this the next `* 10 + 9` could overflow 64 bits.
    private static let significandLimit: UInt64 = (UInt64.max - 9) / 10

    /// Appends a digit (0...9) before the decimal point.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func appendIntegerDigit(_ digit: UInt8) {
        if significand <= Self.significandLimit {
            significand = significand &* 10 &+ UInt64(digit)
        } else {
            exponent += 1
            if digit != 0 { droppedDigits = true }
        }
    }

    /// Appends a digit (0...9) after the decimal point.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func appendFractionDigit(_ digit: UInt8) {
        if significand <= Self.significandLimit {
            significand = significand &* 10 &+ UInt64(digit)
            exponent -= 1
        } else if digit != 0 {
            droppedDigits = true
        }
    }

    /// Appends a digit of the explicit exponent (`e+12`), saturating far beyond any double.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func appendExponentDigit(_ digit: UInt8) {
        if explicitExponent < 100_000 { explicitExponent = explicitExponent * 10 + Int(digit) }
    }

    /// The exact value when Clinger's fast path applies, nil otherwise; `negativeExponent`
    /// says whether the explicit exponent had a minus sign.
    /// - Complexity: O(1).
    @inline(__always)
    func fastValue(negative: Bool, negativeExponent: Bool) -> Double? {
        if significand == 0 { return negative ? -0.0 : 0.0 }
        guard !droppedDigits, significand <= 1 << 53 else { return nil }
        let power = exponent + (negativeExponent ? -explicitExponent : explicitExponent)
        guard power >= -22, power <= 22 else { return nil }
        let magnitude = power < 0
            ? Double(significand) / Self.powerOfTen(-power)
            : Double(significand) * Self.powerOfTen(power)
        return negative ? -magnitude : magnitude
    }

    /// 10^n for 0 <= n <= 22, every one exactly representable.
    @inline(__always)
    private static func powerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Exact conversion of ASCII text in the Swift/JSON number syntax (`-1.5e-7`), for the
    /// cases the fast path refuses. Allocates one small string.
    /// - Complexity: O(length).
    static func slowValue(_ text: some Collection<UInt8>) -> Double? {
        Double(String(decoding: text, as: UTF8.self))
    }
}
