import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseNative

/// Band areas and sectors of real runs (the demo, and Pas-de-Calais on the shared data),
/// checked against what they must be whatever the algorithm: every grey commune in
/// exactly one sector, no two sectors contiguous, each sector connected, every shape
/// valid GEOS geometry with the area of its communes, band figures that add up.
@Suite("Result polygons: sectors and band areas")
struct ResultPolygonsTests {
    /// Loads and analyses a manifest without writing outputs (the folder is only locked).
    static func analysed(_ manifest: String) async throws -> AnalysisRun.Analysed {
        let folder = try TestRepository.makeTemporaryFolder("polygons")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let config = try TerritoryManifest.load(path: TestRepository.path(manifest))
        return try await AnalysisRun(configuration: config, outputDirectory: folder.appendingPathComponent("out").path).analyse { _ in () }.0
    }

    static func check(_ analysed: AnalysisRun.Analysed, _ polygons: ResultPolygons) throws {
        let result = analysed.result
        let engine = GeometryEngine()
        let areas = result.communes.map(\.areaSquareMetres)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(a, b) + 1 }

        // Sectors: a partition of the grey communes.
        var owner = [Int](repeating: 0, count: result.communes.count)
        for sector in polygons.allSectors {
            for i in sector.communeIndices { owner[i] += 1 }
        }
        for i in result.communes.indices {
            #expect(owner[i] == (result.greyGammeCounts[i] > 0 ? 1 : 0), "commune \(result.communes[i].code) is in \(owner[i]) sectors")
        }
        #expect(polygons.allSectors.map(\.number) == polygons.allSectors.indices.map { $0 + 1 })
        for sector in polygons.allSectors {
            #expect(try engine.isValid(sector.shape), "sector \(sector.id) is not a valid geometry")
            let expected = sector.communeIndices.reduce(0.0) { $0 + areas[$1] }
            #expect(close(try engine.area(sector.shape), expected), "sector \(sector.id) area")
            #expect(sector.population == sector.communeIndices.reduce(0) { $0 + result.communes[$1].population })
            // Connected: its communes' contiguity graph has one group.
            let pairs = try engine.sharedBoundaryPairs(sector.communeIndices.map { analysed.territory.shapes[result.communes[$0].code]! })
            #expect(ContiguousGroups.groups(count: sector.communeIndices.count, edges: pairs.map { ($0.first, $0.second) }).count == 1,
                    "sector \(sector.id) is not connected")
            let lacking = Gamme.allCases.filter { g in sector.communeIndices.contains { result.access[g]![$0].isBeyond } }
            #expect(sector.lackingGammes == lacking)
        }
        // Maximal: no two sectors share a stretch of boundary.
        #expect(try engine.sharedBoundaryPairs(polygons.allSectors.map(\.shape)).isEmpty, "two sectors are contiguous")
        for list in [polygons.sectors, polygons.smallSectors] {
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.population >= $1.population })
        }

        // Bands: every analysed commune once per gamme.
        let totalPopulation = result.communes.reduce(0) { $0 + $1.population }
        let totalArea = areas.reduce(0, +)
        for gamme in Gamme.allCases {
            let bands = try #require(polygons.bands[gamme])
            #expect(bands.reduce(0) { $0 + $1.communes } == result.communes.count)
            #expect(bands.reduce(0) { $0 + $1.population } == totalPopulation)
            #expect(bands.map(\.band) == bands.map(\.band).sorted())
            var area = 0.0
            for band in bands {
                #expect(try engine.isValid(band.shape), "band \(band.label) of \(gamme) is not valid")
                area += try engine.area(band.shape)
                let members = result.access[gamme]!.indices.filter { result.access[gamme]![$0].band == band.band }
                #expect(band.communes == members.count)
            }
            #expect(close(area, totalArea))
        }
    }

    @Test func demoSectorsAndBandsHoldTheirInvariants() async throws {
        let analysed = try await Self.analysed("geodata/demo/demo.yaml")
        let polygons = try await ResultPolygonsBuilder(result: analysed.result, territory: analysed.territory, minimum: SectorMinimum()).build()
        #expect(!polygons.sectors.isEmpty)
        #expect(polygons.smallSectors.isEmpty)
        try Self.check(analysed, polygons)
    }

    @Test func sectorsBelowTheMinimumAreListedApartAndNumberedAfter() async throws {
        let analysed = try await Self.analysed("geodata/demo/demo.yaml")
        let all = try await ResultPolygonsBuilder(result: analysed.result, territory: analysed.territory, minimum: SectorMinimum()).build()
        let minimum = SectorMinimum(communes: 2, population: 3_000)
        let split = try await ResultPolygonsBuilder(result: analysed.result, territory: analysed.territory, minimum: minimum).build()
        let expectedSmall = all.sectors.filter { $0.communeIndices.count < 2 || $0.population < 3_000 }
        #expect(!expectedSmall.isEmpty)
        #expect(split.smallSectors.map(\.communeIndices) == expectedSmall.map(\.communeIndices))
        #expect(split.smallSectors.allSatisfy(\.isBelowMinimum) && !split.sectors.contains(where: \.isBelowMinimum))
        #expect(split.smallSectors.first?.number == split.sectors.count + 1)
        try Self.check(analysed, split)
    }

    @Test(.requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
    func pasDeCalaisSectorsAndBandsHoldTheirInvariants() async throws {
        let analysed = try await Self.analysed("examples/pas-de-calais.yaml")
        let polygons = try await ResultPolygonsBuilder(result: analysed.result, territory: analysed.territory, minimum: SectorMinimum()).build()
        #expect(polygons.sectors.count >= 2)
        try Self.check(analysed, polygons)
    }
}

/// The manifest's `sectors` block.
@Suite("Manifest: sectors")
struct SectorManifestTests {
    static func manifest(_ sectors: String) -> String {
        """
        analysis_area: ["62"]
        communes: {files: [communes.geojson]}
        populations: {file: populations.csv}
        equipment: {file: bpe.csv}
        sectors: \(sectors)
        """
    }

    @Test func minimumSizeIsRead() throws {
        let config = try TerritoryManifest.parse(Self.manifest("{min_communes: 3, min_population: 500}"), path: "/tmp/t.yaml")
        #expect(config.sectorMinimum == SectorMinimum(communes: 3, population: 500))
        #expect(try TerritoryManifest.parse(Self.manifest("{}"), path: "/tmp/t.yaml").sectorMinimum == SectorMinimum())
    }

    @Test(arguments: [
        ("{min_communes: 2.5}", "/tmp/t.yaml:5: sectors.min_communes: must be a whole number of communes, got 2.5"),
        ("{min_communes: 0}", "/tmp/t.yaml:5: sectors.min_communes: must be from 1 to 100,000 communes, got 0"),
        ("{min_population: -1}", "/tmp/t.yaml:5: sectors.min_population: must be from 0 to 10,000,000 inhabitants, got -1"),
        ("{min_surface: 3}", "min_surface"),
    ])
    func badMinimumIsOneSentence(block: String, expected: String) throws {
        do {
            _ = try TerritoryManifest.parse(Self.manifest(block), path: "/tmp/t.yaml")
            Issue.record("\(block) was accepted")
        } catch let error as ZonegriseError {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
