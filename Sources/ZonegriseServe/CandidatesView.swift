/// `GET /api/candidates`: the best candidate communes of a layer by gain alone on the
/// base (the first round of `zonegrise recommend`'s greedy step).
struct CandidatesView: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var rang: Int
        var commune: String
        var nom: String
        var gainPopulation: Int
        var x: Double
        var y: Double
    }

    var couche: String
    var candidats: [Entry]
    /// Candidate communes ranked in all.
    var total: Int

    init(state: WhatIfState, layer: String, ranking: [CandidateGain], total: Int) {
        couche = layer
        candidats = ranking.enumerated().map { rank, candidate in
            let (x, y) = state.map?.project(candidate.point) ?? (candidate.point.x, candidate.point.y)
            return Entry(rang: rank + 1, commune: candidate.code, nom: candidate.nom, gainPopulation: candidate.gainPopulation, x: x, y: y)
        }
        self.total = total
    }
}
