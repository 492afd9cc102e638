import Foundation
import Testing
@testable import Zonegrise

@Suite struct DecimalTextTests {
    @Test func formsAndRounding() {
        #expect(DecimalText.format(0.46, decimals: 2) == "0.46")
        #expect(DecimalText.format(12.5, decimals: 2) == "12.5")
        #expect(DecimalText.format(-3.25, decimals: 2) == "-3.25")
        #expect(DecimalText.format(30, decimals: 2) == "30")
        #expect(DecimalText.format(0.004, decimals: 2) == "0")
        #expect(DecimalText.format(-0.004, decimals: 2) == "0")
        #expect(DecimalText.format(2.05, decimals: 1) == "2.1")
        #expect(DecimalText.format(1.000001, decimals: 6) == "1.000001")
        #expect(DecimalText.format(-1.5e-6, decimals: 6) == "-0.000002")
    }

    /// Oracle: the text parses back to the value rounded by Foundation's formatter.
    @Test func agreesWithFoundationOnRandomValues() {
        var state: UInt64 = 42
        for _ in 0 ..< 5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = (Double(state >> 11) / Double(1 << 53) - 0.5) * 2000
            let decimals = Int(state % 7)
            let ours = Double(DecimalText.format(value, decimals: decimals))!
            let theirs = Double(String(format: "%.\(decimals)f", value))!
            #expect(abs(ours - theirs) <= pow(10, -Double(decimals)) * 1.0001, "value \(value) decimals \(decimals)")
        }
    }
}
