/// Fast, locale-free, deterministic decimal text for numbers in outputs.
enum DecimalText {
    /// `value` with exactly `decimals` digits after the point, trailing zeros removed
    /// (`12.5`, `0`, `-3.25`). Rounds half away from zero on the scaled value.
    /// - Complexity: O(digits), no Foundation formatting.
    static func format(_ value: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        append(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        precondition(value.isFinite, "cannot write a non-finite number")
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        var scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled >= 9e18 { scaled = 9e18 }
        var integer = UInt64(scaled)
        if integer == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var fractionDigits = decimals
        // Drop trailing zeros of the fraction.
        while fractionDigits > 0, integer % 10 == 0 {
            integer /= 10
            fractionDigits -= 1
        }
        // Digits straight into `out`, least significant first, then swapped into place:
        // no String nor slice per number (this runs for every coordinate of communes.geojson).
        // Exactly `fractionDigits` fraction digits (leading zeros kept), the point, then
        // at least one integer digit.
        let start = out.count
        for _ in 0 ..< fractionDigits {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: integer % 10))
            integer /= 10
        }
        if fractionDigits > 0 { out.append(UInt8(ascii: ".")) }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: integer % 10))
            integer /= 10
        } while integer > 0
        var low = start, high = out.count - 1
        while low < high {
            out.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}
