import Foundation
import Testing
@testable import Zonegrise

extension PasDeCalaisTests {
    /// The Pas-de-Calais report stays under 3 MB with its maps inline (simplified at half
    /// a viewBox unit, whole-unit relative coordinates), and each map draws every commune once.
    @Test func reportIsUnderThreeMegabytesWithOneShapePerCommunePerMap() async throws {
        let run = try await Self.result()
        let data = try #require(run.files["rapport.html"], "no rapport.html in the outputs")
        #expect(data.count < 3_000_000, "rapport.html is \(data.count) bytes")
        let maps = ReportChromiumTests.mapCodes(String(decoding: data, as: UTF8.self))
        #expect(maps.count == 7, "maps: \(maps.map(\.name))")
        let codes = run.communes.map(\.code)
        for map in maps {
            #expect(map.codes == codes, "map \(map.name): \(map.codes.count) shapes for \(codes.count) communes")
        }
        for name in maps.map(\.name) { #expect(run.files["\(name).svg"] != nil, "cartes/\(name).svg") }
    }
}
