import ZonegriseCore

/// `POST /api/evaluate`: a what-if against the base. Per gamme and layer the figures
/// before and after; the communes whose band or status changes (as `transitions.csv`);
/// each site added, moved or calling as an itinerant stop with its gains (as
/// `sites.csv`). The map after is the base's with the transitions applied (each names
/// its commune's index and band index), so the answer stays small.
struct EvaluationView: Encodable, Sendable {
    struct Transition: Encodable, Sendable {
        /// The commune's index in `GET /api/base`'s communes, and the subject's in its `sujets`.
        var indice: Int
        var indiceSujet: Int
        var code: String
        var nom: String
        var population: Int
        var sujet: String
        var tempsAvant: Double?
        var tempsApres: Double?
        var bandeAvant: String
        var bandeApres: String
        /// Band indexes (into the base's `bandes`).
        var indiceBandeAvant: Int
        var indiceBandeApres: Int
        var auDelaAvant: Bool
        var auDelaApres: Bool
        var cibleAvant: String?
        var cibleApres: String?
    }

    struct Site: Encodable, Sendable {
        var couche: String
        var id: String
        var nom: String
        var commune: String
        var type: String
        var gainMarginalPopulation: Int
        var gainSeulPopulation: Int
        var jours: [String]
        var x: Double
        var y: Double
    }

    var scenario: String
    var label: String
    var resumes: [SummaryView]
    var transitions: [Transition]
    var sites: [Site]
    /// Time spent evaluating (reading the changes included), milliseconds.
    var millisecondes: Double

    init(state: WhatIfState, outcome: ScenarioOutcome, milliseconds: Double) {
        let base = state.result, after = outcome.result
        let subjects = BaseView.subjects(base)
        scenario = outcome.scenario.name
        label = outcome.scenario.label
        resumes = zip(zip(base.summaries, after.summaries), subjects).map {
            SummaryView(before: $0.0, after: $0.1, label: $1.label, isGamme: $1.type == "gamme")
        }
        let bands = base.parameters.bands
        var transitions: [Transition] = []
        for (position, subject) in subjects.enumerated() {
            let before = state.access(base, subject: position), now = state.access(after, subject: position)
            for (i, commune) in base.communes.enumerated() {
                let (b, a) = (before[i], now[i])
                guard b.band != a.band || b.isBeyond != a.isBeyond else { continue }
                transitions.append(Transition(indice: i, indiceSujet: position, code: commune.code, nom: commune.nom, population: commune.population, sujet: subject.name,
                                              tempsAvant: b.minutes.map(BaseView.minutes), tempsApres: a.minutes.map(BaseView.minutes),
                                              bandeAvant: bands.label(b.band), bandeApres: bands.label(a.band),
                                              indiceBandeAvant: b.band, indiceBandeApres: a.band,
                                              auDelaAvant: b.isBeyond, auDelaApres: a.isBeyond, cibleAvant: b.target, cibleApres: a.target))
            }
        }
        self.transitions = transitions
        sites = outcome.siteGains.map { gain in
            let (x, y) = state.map?.project(gain.site.point) ?? (gain.site.point.x, gain.site.point.y)
            return Site(couche: gain.layer, id: gain.site.id, nom: gain.site.name, commune: gain.site.communeCode, type: gain.kind.rawValue,
                        gainMarginalPopulation: gain.marginalPopulation, gainSeulPopulation: gain.alonePopulation, jours: gain.days, x: x, y: y)
        }
        millisecondes = (milliseconds * 1000).rounded() / 1000
    }
}
