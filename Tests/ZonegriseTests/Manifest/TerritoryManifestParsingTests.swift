import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// A manifest that sets every key of docs/MANIFEST.md parses into the configuration it
/// describes; a minimal one gets METHOD.md's defaults.
@Suite("TerritoryManifest: parsing")
struct TerritoryManifestParsingTests {
    /// Where the manifest is said to be: relative paths resolve against this folder.
    static let folder = "/srv/zonegrise/territoire"
    static let path = folder + "/manifest.yaml"

    static let full = """
    version: 1
    name: Territoire d'essai
    analysis_area: ["62"]
    service_area: ["59", "80"]
    communes:
      files:
        - communes-62.geojson
        - ../national/communes-59.geojson
        - /data/communes-80.geojson
      code_property: INSEE_COM
      name_property: NOM
      vintage: "2018"
      fusions:
        "62210": "62154"
        "62001": "62002"
      centres: centres/mairies.csv
    populations:
      file: insee/donnees_communes.csv
      vintage: "2021"
    equipment:
      file: bpe_ens_2019_france.csv.gz
      vintage: "2019"
    gammes:
      file: gammes.csv
    poles:
      share: 0.6
      hierarchy: false
    time_model:
      kind: matrix
      crowfly:
        speed_kmh: 55
        detour: 1.25
        intra_commune: true
      matrix:
        file: distancier.csv
        missing: crowfly
    thresholds:
      proximite: 12
      intermediaire: 25.5
      superieure: 40
    comparison: inclusive
    bands: [5, 15, 30, 45]
    service_layers:
      - name: france_services
        label: France Services
        file: fs/liste-fs-20240801.csv
        threshold: 20
        vintage: "2024"
      - name: maternites
        vintage: "2023"
        file: maternites.geojson
    subdivisions:
      - name: arrondissement
        file: arrondissements.geojson
      - name: epci
        file: epci.csv
        code_property: siren
        name_property: raison_sociale
    unmatched_rows: warn
    """

    @Test func fullManifestGivesEveryValue() throws {
        let config = try TerritoryManifest.parse(Self.full, path: Self.path)
        #expect(config.name == "Territoire d'essai")
        #expect(config.manifestPath == Self.path)
        #expect(config.analysisArea == ["62"])
        #expect(config.serviceArea == ["59", "80"])
        #expect(config.loadedDepartements == ["62", "59", "80"])

        // Relative paths against the manifest's folder, `..` resolved, absolute kept.
        #expect(config.communes.files == [
            "/srv/zonegrise/territoire/communes-62.geojson",
            "/srv/zonegrise/national/communes-59.geojson",
            "/data/communes-80.geojson",
        ])
        #expect(config.communes.codeProperty == "INSEE_COM")
        #expect(config.communes.nameProperty == "NOM")
        #expect(config.communes.vintage == "2018")
        #expect(config.communes.fusions == ["62210": "62154", "62001": "62002"])
        #expect(config.communes.centres == "/srv/zonegrise/territoire/centres/mairies.csv")

        #expect(config.populations == InputFile(path: "/srv/zonegrise/territoire/insee/donnees_communes.csv", vintage: "2021"))
        #expect(config.equipment == InputFile(path: "/srv/zonegrise/territoire/bpe_ens_2019_france.csv.gz", vintage: "2019"))
        #expect(config.gammes == InputFile(path: "/srv/zonegrise/territoire/gammes.csv", vintage: nil))

        #expect(config.poleShare == 0.6)
        #expect(config.poleHierarchy == false)

        #expect(config.timeModel.kind == .matrix)
        #expect(config.timeModel.speedKmh == 55)
        #expect(config.timeModel.detour == 1.25)
        #expect(config.timeModel.intraCommune == true)
        #expect(config.timeModel.matrixFile == "/srv/zonegrise/territoire/distancier.csv")
        #expect(config.timeModel.matrixMissing == .crowfly)

        #expect(config.thresholdMinutes == [.proximite: 12, .intermediaire: 25.5, .superieure: 40])
        #expect(config.comparison == .inclusive)
        #expect(config.bandLimitsMinutes == [5, 15, 30, 45])
        #expect(config.analysisParameters.bands.labels == ["0-5", "5-15", "15-30", "30-45", "45+"])

        #expect(config.serviceLayers == [
            LayerSource(name: "france_services", label: "France Services",
                        file: InputFile(path: "/srv/zonegrise/territoire/fs/liste-fs-20240801.csv", vintage: "2024"),
                        thresholdMinutes: 20),
            // No label: the name; no threshold: 30 minutes; vintage given before the file.
            LayerSource(name: "maternites", label: "maternites",
                        file: InputFile(path: "/srv/zonegrise/territoire/maternites.geojson", vintage: "2023"),
                        thresholdMinutes: 30),
        ])

        var arrondissement = SubdivisionSource(name: "arrondissement", file: "/srv/zonegrise/territoire/arrondissements.geojson")
        arrondissement.codeProperty = "code"
        arrondissement.nameProperty = "nom"
        var epci = SubdivisionSource(name: "epci", file: "/srv/zonegrise/territoire/epci.csv")
        epci.codeProperty = "siren"
        epci.nameProperty = "raison_sociale"
        #expect(config.subdivisions == [arrondissement, epci])
        #expect(config.unmatchedRows == .warn)
    }

    @Test func minimalManifestGetsTheDefaults() throws {
        let text = """
        analysis_area: "99"
        communes: communes.geojson
        populations: pop/populations_2021.csv
        equipment: bpe.csv
        """
        let config = try TerritoryManifest.parse(text, path: "/a/b/m.yaml")
        #expect(config.name == "zonegrise")
        #expect(config.analysisArea == ["99"])
        #expect(config.serviceArea == [])
        #expect(config.communes.files == ["/a/b/communes.geojson"])
        #expect(config.communes.codeProperty == "code")
        #expect(config.communes.nameProperty == "nom")
        #expect(config.communes.fusions.isEmpty)
        #expect(config.communes.centres == nil)
        #expect(config.communes.resolvedVintage == nil)
        // Vintage from the path when not given.
        #expect(config.populations == InputFile(path: "/a/b/pop/populations_2021.csv"))
        #expect(config.populations.resolvedVintage == "2021")
        #expect(config.equipment.resolvedVintage == nil)
        #expect(config.gammes == nil)
        #expect(config.poleShare == 0.5)
        #expect(config.poleHierarchy == true)
        #expect(config.timeModel.kind == .crowfly)
        // No speed given: the speed calibrated for the chosen convention.
        #expect(config.timeModel.speedKmh == nil)
        #expect(config.timeModel.crowfly.speedKmh == CrowflyModel.calibratedSpeedKmh)
        #expect(config.timeModel.detour == CrowflyModel.calibratedDetour)
        #expect(config.timeModel.intraCommune == CrowflyModel.calibratedIntraCommune)
        #expect(config.timeModel.matrixFile == nil)
        #expect(config.timeModel.matrixMissing == .error)
        #expect(config.thresholdMinutes == [.proximite: 10, .intermediaire: 20, .superieure: 30])
        #expect(config.comparison == .strict)
        #expect(config.bandLimitsMinutes == [10, 20, 30])
        #expect(config.serviceLayers.isEmpty)
        #expect(config.subdivisions.isEmpty)
        #expect(config.unmatchedRows == .error)
    }

    @Test func scalarTimeModelAndBandsAsText() throws {
        let text = """
        analysis_area: ["99"]
        communes: {files: [c.geojson]}
        populations: p.csv
        equipment: e.csv
        time_model: matrix
        bands: "10,20,40"
        """
        let config = try TerritoryManifest.parse(text, path: "/m/x.yaml")
        #expect(config.timeModel.kind == .matrix)
        #expect(config.bandLimitsMinutes == [10, 20, 40])
    }

    @Test func demoManifestLoadsFromDisk() throws {
        let path = TestRepository.path("geodata/demo/demo.yaml")
        let config = try TerritoryManifest.load(path: path)
        let demo = TestRepository.path("geodata/demo")
        #expect(config.analysisArea == ["99"])
        #expect(config.serviceArea == ["98"])
        #expect(config.communes.files == [demo + "/communes-99.geojson", demo + "/communes-98.geojson"])
        #expect(config.communes.codeProperty == "INSEE_COM")
        #expect(config.gammes?.path == demo + "/gammes.csv")
        #expect(config.serviceLayers.map(\.name) == ["france_services"])
        #expect(config.subdivisions.map(\.name) == ["arrondissement"])
        for file in config.communes.files + [config.populations.path, config.equipment.path] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file)")
        }
    }
}
