/// Fast, locale-free, deterministic decimal text for numbers in outputs.
enum DecimalText {
    /// `value` with at most `decimals` digits after the point, trailing zeros removed
    /// (`12.5`, `0`, `-3.25`): the decimal nearest to the exact binary value, a tie
    /// (a value exactly halfway, such as 0.125 at 2 decimals) away from zero. So 2.05,
    /// stored as 2.04999999999999982…, gives `2` at 1 decimal, as C's `%.1f` does.
    /// Exact while the scaled value is below 2⁵²; `decimals` at most 15.
    /// - Complexity: O(digits), no Foundation formatting.
    static func format(_ value: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        append(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        precondition(value.isFinite, "cannot write a non-finite number")
        precondition((0 ... 15).contains(decimals), "decimals out of 0...15")
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }  // exact: 10^15 < 2^53
        let magnitude = abs(value)
        let product = magnitude * scale
        var scaled: Double
        if product < 0x1p52 {
            // Rounding `product` alone would round twice (2.05 × 10 gives 20.5 exactly):
            // the multiplication's own error, exact by a fused multiply-add, decides the
            // cases where `product` lands on a half.
            let error = (-product).addingProduct(magnitude, scale)
            let whole = product.rounded(.down)
            let fraction = product - whole  // exact
            let up = fraction == 0.5 ? error >= 0 : fraction > 0.5
            scaled = up ? whole + 1 : whole
        } else {
            scaled = product.rounded(.toNearestOrAwayFromZero)
            if scaled >= 9e18 { scaled = 9e18 }
        }
        var integer = UInt64(scaled)
        if integer == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var fractionDigits = decimals
        // Drop trailing zeros of the fraction.
        while fractionDigits > 0, integer % 10 == 0 {
            integer /= 10
            fractionDigits -= 1
        }
        // Digits written right to left into a small stack buffer, then appended at once:
        // no String nor slice per number, one capacity check on `out` (this runs for every
        // coordinate of communes.geojson). Exactly `fractionDigits` fraction digits
        // (leading zeros kept), the point, at least one integer digit, the sign.
        // At most 20 integer digits (2⁶⁴), 15 fraction digits, a point and a sign: 37 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var index = buffer.count
            for _ in 0 ..< fractionDigits {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: integer % 10)
                integer /= 10
            }
            if fractionDigits > 0 {
                index -= 1
                buffer[index] = UInt8(ascii: ".")
            }
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: integer % 10)
                integer /= 10
            } while integer > 0
            if value < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index...]))
        }
    }
}
