import Zonegrise
import ZonegriseCore

/// `GET /api/base`: the territory, the map, the base results of every gamme and layer
/// (per commune: minutes, band, beyond the threshold), the sites and the poles.
struct BaseView: Encodable, Sendable {
    struct Subject: Encodable, Sendable {
        var name: String
        var label: String
        var type: String
        var seuilMinutes: Double
    }

    struct CommuneView: Encodable, Sendable {
        var code: String
        var nom: String
        var population: Int
        /// Path data in the map's viewBox units ("" without a map).
        var d: String
        /// The centre in viewBox units.
        var x: Double
        var y: Double
        /// Per subject (gammes then layers): minutes (nil: unreachable), band, beyond.
        var minutes: [Double?]
        var bandes: [Int]
        var auDela: [Bool]
    }

    struct SiteView: Encodable, Sendable {
        var id: String
        var nom: String
        var commune: String
        var x: Double
        var y: Double
    }

    struct LayerView: Encodable, Sendable {
        var name: String
        var label: String
        var sites: [SiteView]
    }

    struct PoleView: Encodable, Sendable {
        var code: String
        var nom: String
        var niveau: String
        var gammes: [String]
        var x: Double
        var y: Double
    }

    var territoire: String
    var manifeste: String
    var largeur: Double
    var hauteur: Double
    var bandes: [String]
    var couleurs: [String]
    var sujets: [Subject]
    var resumes: [SummaryView]
    var communes: [CommuneView]
    var couches: [LayerView]
    var poles: [PoleView]
    var avertissements: [String]

    init(state: WhatIfState) {
        let result = state.result
        let map = state.map
        func at(_ point: PlanarPoint) -> (Double, Double) { map?.project(point) ?? (point.x, point.y) }
        let subjects = Self.subjects(result)
        territoire = state.configuration.name
        manifeste = state.manifestPath
        largeur = map?.widthUnits ?? 0
        hauteur = map?.heightUnits ?? 0
        bandes = result.parameters.bands.labels
        couleurs = map?.bandColours ?? []
        sujets = subjects
        resumes = zip(result.summaries, subjects).map { SummaryView(before: $0, after: $0, label: $1.label, isGamme: $1.type == "gamme") }
        let pathByCode = map.map { Dictionary(zip($0.codes, $0.paths), uniquingKeysWith: { first, _ in first }) } ?? [:]
        let accesses = subjects.indices.map { state.access(result, subject: $0) }
        communes = result.communes.enumerated().map { i, commune in
            let (x, y) = at(commune.centre)
            return CommuneView(code: commune.code, nom: commune.nom, population: commune.population, d: pathByCode[commune.code] ?? "",
                               x: x, y: y, minutes: accesses.map { $0[i].minutes.map(Self.minutes) }, bandes: accesses.map { $0[i].band },
                               auDela: accesses.map { $0[i].isBeyond })
        }
        couches = result.layers.map { layer in
            LayerView(name: layer.name, label: layer.label, sites: layer.sites.map { site in
                let (x, y) = at(site.point)
                return SiteView(id: site.id, nom: site.name, commune: site.communeCode, x: x, y: y)
            })
        }
        poles = result.poles.filter { $0.level != .aucun }.map { pole in
            let (x, y) = at(pole.centre)
            return PoleView(code: pole.code, nom: pole.nom, niveau: pole.level.rawValue, gammes: pole.servedGammes.map(\.rawValue), x: x, y: y)
        }
        avertissements = state.warnings
    }

    static func subjects(_ result: AnalysisResult) -> [Subject] {
        Gamme.allCases.map { Subject(name: $0.rawValue, label: $0.label, type: "gamme", seuilMinutes: result.parameters.threshold($0)) }
            + result.layers.map { Subject(name: $0.name, label: $0.label, type: "couche", seuilMinutes: $0.thresholdMinutes) }
    }

    /// Minutes as classified (0.01 minute).
    static func minutes(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
