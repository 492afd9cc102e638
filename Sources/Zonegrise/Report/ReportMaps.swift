import ZonegriseCore

/// The maps of a run, in the order of the report: per gamme by band, zones grises,
/// sectors, poles, per service layer; then, per scenario of a comparison, before /
/// after / gain for each gamme or layer it changes.
struct ReportMaps {
    let outputs: AnalysisOutputs
    let palette: MapPalette

    var result: AnalysisResult { outputs.result }

    /// One map of a scenario's subject (a gamme or a layer it changes).
    struct ScenarioMaps {
        var scenario: String
        var subject: String
        var maps: [SVGMap]
    }

    static let poleRadius: [PoleLevel: Double] = [.proximite: 3.5, .intermediaire: 5, .superieure: 7]

    func bandMap(_ gamme: Gamme) -> SVGMap {
        let bands = result.parameters.bands
        let access = result.access[gamme]!
        var counts = [Int](repeating: 0, count: bands.limitsMinutes.count + 1)
        for row in access { counts[row.band] += 1 }
        var legend = counts.indices.map { band in
            SVGMap.LegendEntry(cssClass: "b\(band)", label: "\(bands.label(band)) min (\(FrenchNumber.count(counts[band], "commune", "communes")))")
        }
        let level = PoleLevel(gamme)
        legend.append(SVGMap.LegendEntry(cssClass: "pole pole-\(level.rawValue)", label: "pôle de la \(gamme.label)", symbol: .circle, radius: 4))
        let poles = result.poles.filter { $0.servedGammes.contains(gamme) }.map {
            SVGMap.Point(at: $0.centre, cssClass: "pole pole-\(level.rawValue)", radius: 4, symbol: .circle)
        }
        let hatched = outputs.sensitivity.map { $0.robustness[gamme]!.map { $0 == .fragile } } ?? []
        if outputs.sensitivity != nil { legend.append(fragileLegend(hatched)) }
        return SVGMap(name: "bandes_\(gamme.rawValue)", title: "Temps d’accès à la \(gamme.label) (seuil \(FrenchNumber.minutes(result.parameters.threshold(gamme))))",
                      communeClasses: access.map { "b\($0.band)" }, points: poles, legend: legend, hatched: hatched)
    }

    /// The legend line of the hatch (`--sensitivite`), with the number of communes hatched.
    func fragileLegend(_ hatched: [Bool]) -> SVGMap.LegendEntry {
        SVGMap.LegendEntry(cssClass: "legende-fragile", label: "zone grise fragile (\(FrenchNumber.count(hatched.filter { $0 }.count, "commune", "communes")))",
                           hatched: true)
    }

    func greyMap() -> SVGMap {
        var counts = [0, 0, 0, 0]
        for count in result.greyGammeCounts { counts[min(count, 3)] += 1 }
        var legend = (0 ... 3).map { n in
            SVGMap.LegendEntry(cssClass: "n\(n)", label: "\(n) gamme\(n >= 2 ? "s" : "") en zone grise (\(FrenchNumber.count(counts[n], "commune", "communes")))")
        }
        // A commune fragile for at least one gamme: its count of grey gammes may change.
        let hatched = outputs.sensitivity.map { sensitivity in result.communes.indices.map(sensitivity.isFragile) } ?? []
        if outputs.sensitivity != nil { legend.append(fragileLegend(hatched)) }
        return SVGMap(name: "zones_grises", title: "Zones grises : nombre de gammes trop éloignées",
                      communeClasses: result.greyGammeCounts.map { "n\(min($0, 3))" }, legend: legend, hatched: hatched)
    }

    func sectorMap() -> SVGMap {
        let sectors = outputs.polygons.allSectors
        var classes = [String](repeating: "s-", count: result.communes.count)
        var overlays: [SVGMap.Overlay] = []
        for (index, sector) in sectors.enumerated() {
            let cssClass = "s\(index % MapPalette.qualitative.count)"
            for i in sector.communeIndices where i < classes.count { classes[i] = cssClass }
            // The label sits on the centre of the sector's most populated commune.
            let anchor = sector.communeIndices.filter { $0 < result.communes.count }
                .max { (result.communes[$0].population, result.communes[$1].code) < (result.communes[$1].population, result.communes[$0].code) }
            overlays.append(SVGMap.Overlay(shape: sector.shape, cssClass: "contour", label: sector.id,
                                           labelAt: anchor.map { result.communes[$0].centre }))
        }
        let inSectors = classes.filter { $0 != "s-" }.count
        var legend = [SVGMap.LegendEntry(cssClass: "s-", label: "hors secteur")]
        if !sectors.isEmpty {
            legend.append(SVGMap.LegendEntry(cssClass: "s0", label: "secteur (\(FrenchNumber.count(sectors.count, "secteur", "secteurs")), \(FrenchNumber.count(inSectors, "commune", "communes")))"))
            legend.append(SVGMap.LegendEntry(cssClass: "contour", label: "limite de secteur"))
        }
        return SVGMap(name: "secteurs", title: "Espaces à enjeux : secteurs de communes en zone grise contiguës",
                      communeClasses: classes, overlays: overlays, legend: legend,
                      note: sectors.isEmpty ? "Aucun secteur : aucune commune en zone grise, ou secteurs non calculés." : nil)
    }

    func poleMap() -> SVGMap {
        var legend: [SVGMap.LegendEntry] = []
        for level in PoleLevel.allCases {
            let count = zip(result.poleLevels, result.communes).filter { $0.0 == level }.count
            legend.append(SVGMap.LegendEntry(cssClass: "p-\(level.rawValue)", label: "commune \(Self.levelLabel(level)) (\(FrenchNumber.integer(count)))"))
        }
        for level in PoleLevel.allCases.reversed() where level != .aucun {
            legend.append(SVGMap.LegendEntry(cssClass: "pole pole-\(level.rawValue)", label: "pôle \(Self.levelLabel(level))", symbol: .circle,
                                             radius: Self.poleRadius[level]!))
        }
        let points = result.poles.sorted { ($0.level, $1.code) < ($1.level, $0.code) }.map {
            SVGMap.Point(at: $0.centre, cssClass: "pole pole-\($0.level.rawValue)", radius: Self.poleRadius[$0.level] ?? 3, symbol: .circle)
        }
        return SVGMap(name: "poles", title: "Pôles de services par niveau", communeClasses: result.poleLevels.map { "p-\($0.rawValue)" },
                      points: points, legend: legend)
    }

    static func levelLabel(_ level: PoleLevel) -> String {
        switch level {
        case .aucun: return "sans pôle"
        case .proximite: return "de proximité"
        case .intermediaire: return "intermédiaire"
        case .superieure: return "supérieur"
        }
    }

    func layerMap(_ index: Int) -> SVGMap {
        let layer = result.layers[index]
        let access = result.layerAccess[index]
        let beyond = access.filter(\.isBeyond).count
        let sites = layer.sites.map { SVGMap.Point(at: $0.point, cssClass: "site", radius: 5, symbol: .diamond) }
        return SVGMap(name: "couche_\(HTMLText.slug(layer.name))",
                      title: "\(layer.label) : communes au-delà de \(FrenchNumber.minutes(layer.thresholdMinutes))",
                      communeClasses: access.map { $0.isBeyond ? "out" : "in" }, points: sites,
                      legend: [SVGMap.LegendEntry(cssClass: "in", label: "dans le seuil (\(FrenchNumber.integer(access.count - beyond)))"),
                               SVGMap.LegendEntry(cssClass: "out", label: "au-delà du seuil (\(FrenchNumber.integer(beyond)))"),
                               SVGMap.LegendEntry(cssClass: "site", label: "site (\(FrenchNumber.integer(layer.sites.count)))", symbol: .diamond)])
    }

    /// Before, after and gain maps of each gamme or layer a scenario changes (a commune's
    /// band or status differs), with the sites it adds or moves.
    func scenarioMaps(_ outcome: ScenarioOutcome) -> [ScenarioMaps] {
        var all: [ScenarioMaps] = []
        let scenario = HTMLText.slug(outcome.scenario.name)
        for (s, subject) in outputs.subjects(outcome).enumerated() {
            guard zip(subject.before, subject.after).contains(where: { $0.band != $1.band || $0.isBeyond != $1.isBeyond }) else { continue }
            let label: String, points: [SVGMap.Point], added: [SVGMap.Point]
            if subject.isGamme {
                let gamme = Gamme(rawValue: subject.name)!
                label = gamme.label
                points = []
                added = []
            } else {
                let layer = result.layers[s - Gamme.allCases.count]
                label = layer.label
                points = layer.sites.map { SVGMap.Point(at: $0.point, cssClass: "site", radius: 5, symbol: .diamond) }
                added = outcome.siteGains.filter { $0.layer == layer.name }.map {
                    SVGMap.Point(at: $0.site.point, cssClass: "site-ajoute", radius: 7, symbol: .diamond)
                }
            }
            let name = "\(scenario)_\(HTMLText.slug(subject.name))"
            let status = { (rows: [Access]) in rows.map { $0.isBeyond ? "out" : "in" } }
            let legendStatus = { (rows: [Access]) in
                [SVGMap.LegendEntry(cssClass: "in", label: "dans le seuil (\(FrenchNumber.integer(rows.filter { !$0.isBeyond }.count)))"),
                 SVGMap.LegendEntry(cssClass: "out", label: "au-delà du seuil (\(FrenchNumber.integer(rows.filter(\.isBeyond).count)))")]
            }
            let siteLegend = subject.isGamme ? [] : [SVGMap.LegendEntry(cssClass: "site", label: "site existant", symbol: .diamond)]
            let addedLegend = added.isEmpty ? [] : [SVGMap.LegendEntry(cssClass: "site-ajoute", label: "site ajouté ou déplacé", symbol: .diamond, radius: 7)]
            let gainClasses = zip(subject.before, subject.after).map { before, after in
                before.isBeyond ? (after.isBeyond ? "same-out" : "gain") : (after.isBeyond ? "loss" : "same-in")
            }
            let counts = ["gain", "loss", "same-out", "same-in"].map { c in gainClasses.filter { $0 == c }.count }
            let gainLegend = [
                SVGMap.LegendEntry(cssClass: "gain", label: "passe dans le seuil (\(FrenchNumber.integer(counts[0])))"),
                SVGMap.LegendEntry(cssClass: "loss", label: "passe au-delà (\(FrenchNumber.integer(counts[1])))"),
                SVGMap.LegendEntry(cssClass: "same-out", label: "reste au-delà (\(FrenchNumber.integer(counts[2])))"),
                SVGMap.LegendEntry(cssClass: "same-in", label: "reste dans le seuil (\(FrenchNumber.integer(counts[3])))"),
            ]
            let scenarioLabel = outcome.scenario.label
            all.append(ScenarioMaps(scenario: outcome.scenario.name, subject: subject.name, maps: [
                SVGMap(name: name + "_avant", title: "\(label) avant « \(scenarioLabel) »", communeClasses: status(subject.before),
                       points: points, legend: legendStatus(subject.before) + siteLegend),
                SVGMap(name: name + "_apres", title: "\(label) après « \(scenarioLabel) »", communeClasses: status(subject.after),
                       points: points + added, legend: legendStatus(subject.after) + siteLegend + addedLegend),
                SVGMap(name: name + "_gain", title: "\(label) : effet de « \(scenarioLabel) »", communeClasses: gainClasses,
                       points: added, legend: gainLegend + addedLegend),
            ]))
        }
        return all
    }
}
