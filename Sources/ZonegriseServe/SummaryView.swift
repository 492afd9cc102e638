import ZonegriseCore

/// One gamme or layer before and after a what-if, as a row of `comparaison.csv`:
/// communes and inhabitants beyond the threshold.
struct SummaryView: Encodable, Sendable {
    struct Side: Encodable, Sendable {
        var communes: Int
        var population: Int
        /// Percent of the analysed population, two decimals.
        var partPopulationPct: Double
    }

    var name: String
    var label: String
    var type: String
    var seuilMinutes: Double
    var avant: Side
    var apres: Side
    /// After minus before (negative: fewer beyond the threshold).
    var differenceCommunes: Int
    var differencePopulation: Int
    /// Inhabitants brought within the threshold, net: before minus after.
    var gainPopulation: Int

    init(before: ZoneGriseSummary, after: ZoneGriseSummary, label: String, isGamme: Bool) {
        func side(_ summary: ZoneGriseSummary) -> Side {
            Side(communes: summary.communes, population: summary.population,
                 partPopulationPct: (summary.populationSharePercent * 100).rounded() / 100)
        }
        name = before.name
        self.label = label
        type = isGamme ? "gamme" : "couche"
        seuilMinutes = before.thresholdMinutes
        avant = side(before)
        apres = side(after)
        differenceCommunes = after.communes - before.communes
        differencePopulation = after.population - before.population
        gainPopulation = before.population - after.population
    }
}
