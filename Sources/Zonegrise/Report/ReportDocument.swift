import ZonegriseCore

/// `rapport.html`: one self-contained page (inline CSS and SVG, no script, no font, no
/// image or link to fetch) in French, printable on A4 (`@media print`, a page break
/// before each section). Sections: résumé, one per gamme, zones grises, espaces à
/// enjeux, pôles, service layers, subdivisions, comparison or recommendation when the
/// run has one, provenance.
struct ReportDocument {
    let outputs: AnalysisOutputs
    let renderer: MapRenderer
    let maps: ReportMaps
    /// The run manifest's content (`RunProvenance`), nil for outputs made by hand.
    let manifest: JSONOutput?
    /// Each map's SVG body (`MapRenderer.content`) by map name, as the page drew it: the
    /// standalone files reuse it.
    let drawn = DrawnMaps()

    /// The SVG bodies of the maps drawn so far (one render of the page, on one task).
    final class DrawnMaps {
        var contentByName: [String: String] = [:]
    }

    var result: AnalysisResult { outputs.result }

    /// The page and the maps it shows, in order (each also written as `cartes/NAME.svg`).
    /// The maps' SVG bodies are drawn first, concurrently (one task per map), then the
    /// page is put together in order on this task.
    func render() async throws -> (html: String, maps: [SVGMap]) {
        let bandMaps = Gamme.allCases.map { maps.bandMap($0) }
        let grey = maps.greyMap()
        let sectors = maps.sectorMap()
        let poles = maps.poleMap()
        let layerMaps = result.layers.indices.map { maps.layerMap($0) }
        let scenarioMaps = outputs.comparisons.map { maps.scenarioMaps($0) }
        let shown = bandMaps + [grey, sectors, poles] + layerMaps + scenarioMaps.flatMap { $0.flatMap(\.maps) }
        let renderer = self.renderer
        let contents = try await Concurrency.map(shown) { renderer.content($0) }
        for (map, content) in zip(shown, contents) { drawn.contentByName[map.name] = content }

        let name = manifest.flatMap { Self.member($0, "name") }.map { Self.text($0) } ?? ""
        let title = "Zones grises d’accès aux services" + (name.isEmpty ? "" : " – \(name)")
        // Sections and maps are appended in place: the maps (most of the page's 21 MB on
        // France) are copied once into the page, not once per enclosing string.
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="zonegrise \(ZonegriseVersion.current)">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(Self.pageCSS)
            \(renderer.palette.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p class="sous-titre">Rapport produit par zonegrise \(ZonegriseVersion.current) ; gammes \(outputs.gammesSource == "derivees" ? "dérivées des données nationales (source_gammes = derivees)" : "données par une table (source_gammes = table)").</p>
            </header>
            <main>

            """
        html.reserveCapacity(html.utf8.count + contents.reduce(0) { $0 + $1.utf8.count } + (1 << 20))
        html += summarySection()
        for (gamme, map) in zip(Gamme.allCases, bandMaps) {
            appendSection("gamme-\(gamme.rawValue)", "\(Self.capitalised(gamme.label)) (seuil \(FrenchNumber.minutes(result.parameters.threshold(gamme))))", to: &html) {
                appendFigure(map, to: &$0)
                $0 += bandTable(gamme).html
            }
        }
        appendSection("zones-grises", "Zones grises : superposition des gammes", to: &html) {
            appendFigure(grey, to: &$0)
            $0 += codeTable().html
        }
        appendSection("enjeux", "Espaces à enjeux", to: &html) {
            $0 += paragraph(sectorSentence())
            appendFigure(sectors, to: &$0)
            if !outputs.polygons.allSectors.isEmpty { $0 += sectorTable().html }
        }
        appendSection("poles", "Pôles de services", to: &html) {
            appendFigure(poles, to: &$0)
            $0 += poleTable().html
        }
        if !result.layers.isEmpty {
            appendSection("couches", "Couches de services", to: &html) {
                for (index, map) in zip(result.layers.indices, layerMaps) {
                    $0 += "<h3>\(HTMLText.escape(result.layers[index].label))</h3>\n" + paragraph(layerSentence(index))
                    appendFigure(map, to: &$0)
                }
            }
        }
        if !result.subdivisionSummaries.isEmpty {
            html += section("subdivisions", "Par subdivision", subdivisionTable().html)
        }
        for (index, (outcome, subjects)) in zip(outputs.comparisons, scenarioMaps).enumerated() {
            appendSection("scenario-\(HTMLText.slug(outcome.scenario.name))", outputs.recommendation == nil ? "Scénario : \(outcome.scenario.label)" : "Effet des sites recommandés", to: &html) {
                $0 += paragraph("Scénario « \(outcome.scenario.label) » (\(outcome.scenario.name)) comparé à la situation actuelle.")
                $0 += comparisonTable(outcome, index: index).html
                if !outcome.siteGains.isEmpty { $0 += siteTable(outcome, index: index).html }
                for subject in subjects {
                    for map in subject.maps { appendFigure(map, to: &$0) }
                }
            }
        }
        if let recommendation = outputs.recommendation {
            html += section("recommandation", "Sites recommandés", recommendationContent(recommendation))
        }
        html += section("provenance", "Provenance", provenanceContent())
        html += "</main>\n</body>\n</html>\n"
        return (html, shown)
    }

    static let pageCSS = """
        :root{color-scheme:light}
        body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#111;background:#fff;margin:0 auto;max-width:1060px;padding:0 16px}
        h1{font-size:20pt;margin:16px 0 4px}
        h2{font-size:15pt;border-bottom:2px solid #333;padding-bottom:2px;margin-top:28px}
        h3{font-size:12.5pt;margin-bottom:4px}
        .sous-titre{color:#444;margin-top:0}
        figure{margin:12px 0}
        figure svg{width:100%;height:auto;display:block}
        table{border-collapse:collapse;margin:10px 0 16px;font-size:9.5pt;width:100%}
        caption{text-align:left;font-weight:bold;padding:4px 0}
        th,td{border:1px solid #bbb;padding:2px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
        th{background:#eee}
        td.nombre{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .chiffres{font-size:12pt}
        .chiffres li{margin:3px 0}
        code,.empreinte{font-family:'DejaVu Sans Mono',monospace;font-size:8.5pt;word-break:break-all}
        @page{size:A4;margin:14mm 15mm}
        @media print{
        body{max-width:none;padding:0;font-size:10pt}
        section{break-before:page}
        section#resume{break-before:auto}
        figure,tr,caption{break-inside:avoid}
        thead{display:table-header-group}
        h2,h3{break-after:avoid}
        figure svg{max-height:240mm}
        }
        """

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(title))</h2>\n\(content)</section>\n"
    }

    func paragraph(_ text: String) -> String { "<p>\(HTMLText.escape(text))</p>\n" }

    /// `section(id, title, content)` appended to `page`, `content` appending in place.
    func appendSection(_ id: String, _ title: String, to page: inout String, _ content: (inout String) -> Void) {
        page += "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(title))</h2>\n"
        content(&page)
        page += "</section>\n"
    }

    /// The map in a `<figure>`, appended to `page`: its body drawn by `render` (or here,
    /// when drawn alone).
    func appendFigure(_ map: SVGMap, to page: inout String) {
        let content = drawn.contentByName[map.name] ?? renderer.content(map)
        drawn.contentByName[map.name] = content
        page += "<figure>\n"
        page += renderer.head(map, standalone: false)
        page += content
        page += "<figcaption>Carte aussi dans cartes/\(map.name).svg</figcaption>\n</figure>\n"
    }

    // MARK: - Sections

    var totalPopulation: Int { result.communes.reduce(0) { $0 + $1.population } }

    func summarySection() -> String {
        var items = ["\(FrenchNumber.count(result.communes.count, "commune analysée", "communes analysées")), \(FrenchNumber.count(totalPopulation, "habitant", "habitants"))."]
        for row in result.summaries {
            let what = Gamme(rawValue: row.name).map { Self.capitalised($0.label) } ?? result.layers.first { $0.name == row.name }?.label ?? row.name
            let state = Gamme(rawValue: row.name) == nil ? "au-delà du seuil" : "en zone grise"
            items.append("\(what) (seuil \(FrenchNumber.minutes(row.thresholdMinutes))) : \(FrenchNumber.count(row.communes, "commune", "communes")) et \(FrenchNumber.count(row.population, "habitant", "habitants")) \(state), soit \(FrenchNumber.percent(row.populationSharePercent)) de la population.")
        }
        items.append(sectorSentence())
        if let sensitivity = outputs.sensitivity { items.append(sensitivitySentence(sensitivity)) }
        let list = "<ul class=\"chiffres\">\n" + items.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        return section("resume", "Résumé", list + summaryTable().html)
    }

    func sectorSentence() -> String {
        let kept = outputs.polygons.sectors, small = outputs.polygons.smallSectors
        guard !kept.isEmpty || !small.isEmpty else { return "Aucun espace à enjeux (secteur de communes en zone grise contiguës) n’est calculé pour ce territoire." }
        let population = kept.reduce(0) { $0 + $1.population }
        return "\(FrenchNumber.count(kept.count, "espace à enjeux", "espaces à enjeux")) (\(FrenchNumber.count(population, "habitant", "habitants"))) et \(FrenchNumber.count(small.count, "petit secteur", "petits secteurs")) sous la taille minimale."
    }

    /// `zones_grises.csv` as a table, same columns.
    /// With `--sensitivite`, also the range columns (minimum and maximum over the base
    /// run and the variants).
    func summaryTable() -> HTMLTable {
        var columns: [(key: String, label: String)] = [("gamme", "Gamme ou couche"), ("seuil_minutes", "Seuil"), ("communes", "Communes"),
                                                       ("population", "Habitants"), ("part_population_pct", "Part de la population")]
        let ranges = outputs.sensitivity?.ranges
        if ranges != nil {
            columns += [("communes_min", "Communes (min.)"), ("communes_max", "Communes (max.)"), ("population_min", "Habitants (min.)"),
                        ("population_max", "Habitants (max.)"), ("part_population_pct_min", "Part (min.)"), ("part_population_pct_max", "Part (max.)")]
        }
        return HTMLTable(id: "table-zones-grises", caption: "Zones grises par gamme et couche (zones_grises.csv)", columns: columns,
                         rows: result.summaries.enumerated().map { index, row in
                             var cells: [HTMLTable.Cell] = [.text(row.name), .minutes(row.thresholdMinutes), .int(row.communes), .int(row.population),
                                                            .percent(row.populationSharePercent)]
                             if let range = ranges?[index] {
                                 cells += [.int(range.communes.lowerBound), .int(range.communes.upperBound), .int(range.population.lowerBound),
                                           .int(range.population.upperBound), .percent(range.populationSharePercent.lowerBound),
                                           .percent(range.populationSharePercent.upperBound)]
                             }
                             return (row.name, cells)
                         })
    }

    /// `--sensitivite`: what the variants were, and how many communes each gamme has fragile.
    func sensitivitySentence(_ sensitivity: SensitivityResult) -> String {
        let fragile = Gamme.allCases.map { gamme in
            "\(FrenchNumber.count(sensitivity.robustness[gamme]!.filter { $0 == .fragile }.count, "commune", "communes")) pour la \(gamme.label)"
        }
        return "Sensibilité : la classification est refaite avec " + sensitivity.variants.map(\.label).joined(separator: ", ")
            + ", chaque variante seule. Une commune est fragile (hachurée sur les cartes) quand son statut de zone grise change selon les variantes : "
            + fragile.joined(separator: ", ") + ". Les colonnes min. et max. du tableau donnent l’étendue des chiffres sur la situation de base et les variantes."
    }

    func bandTable(_ gamme: Gamme) -> HTMLTable {
        let bands = result.parameters.bands
        let access = result.access[gamme]!
        var communes = [Int](repeating: 0, count: bands.limitsMinutes.count + 1), population = communes
        for (row, commune) in zip(access, result.communes) {
            communes[row.band] += 1
            population[row.band] += commune.population
        }
        let total = max(totalPopulation, 1)
        return HTMLTable(id: "table-bandes-\(gamme.rawValue)", caption: "Communes et habitants par bande de temps d’accès",
                         columns: [("bande", "Bande (minutes)"), ("communes", "Communes"), ("population", "Habitants"), ("part_population_pct", "Part")],
                         rows: communes.indices.map { band in
                             (bands.label(band), [.text(bands.label(band)), .int(communes[band]), .int(population[band]),
                                                  .percent(Double(population[band]) / Double(total) * 100)])
                         })
    }

    func codeTable() -> HTMLTable {
        var communes: [String: Int] = [:], population: [String: Int] = [:]
        for (code, commune) in zip(result.codesEnjeux, result.communes) {
            communes[code, default: 0] += 1
            population[code, default: 0] += commune.population
        }
        return HTMLTable(id: "table-codes-enjeux", caption: "Communes par code de superposition (P = proximité, I = intermédiaire, S = supérieure en zone grise)",
                         columns: [("code_enjeux", "Code"), ("communes", "Communes"), ("population", "Habitants")],
                         rows: communes.keys.sorted().map { ($0, [.text($0), .int(communes[$0]!), .int(population[$0]!)]) })
    }

    func sectorTable() -> HTMLTable {
        let names = poleNames
        func poleName(_ code: String) -> String { names[code] ?? code }
        return HTMLTable(id: "table-secteurs", caption: "Secteurs (espaces à enjeux), les plus peuplés d’abord (secteurs.csv)",
                  columns: [("secteur", "Secteur"), ("communes", "Communes"), ("population", "Habitants"), ("code_enjeux", "Code"),
                            ("gammes_manquantes", "Gammes en zone grise"), ("poles_proches", "Pôles les plus proches"),
                            ("subdivisions", "Subdivisions"), ("petit_secteur", "Petit secteur")],
                  rows: outputs.polygons.allSectors.map { sector in
                      let poles = sector.lackingGammes.map { g in "\(g.letter) : " + (sector.nearestPoles[g] ?? []).prefix(3).map { code in
                          "\(poleName(code)) (\(code))" }.joined(separator: ", ") }.joined(separator: " ; ")
                      return (sector.id, [.text(sector.id), .int(sector.communeIndices.count), .int(sector.population), .text(sector.code),
                                          .text(sector.lackingGammes.map(\.rawValue).joined(separator: ", ")), .text(poles),
                                          .text(sector.subdivisions.joined(separator: ", ")),
                                          HTMLTable.Cell(text: sector.isBelowMinimum ? "oui" : "non", value: sector.isBelowMinimum ? "true" : "false")])
                  })
    }

    /// The name of each pole by code (the first record of a code), for the sector table:
    /// one pass, not one scan of the poles per name (France: 2,000 sectors × 11,000 poles).
    var poleNames: [String: String] {
        var names: [String: String] = [:]
        for pole in result.poles where names[pole.code] == nil { names[pole.code] = pole.nom }
        return names
    }

    func poleTable() -> HTMLTable {
        HTMLTable(id: "table-poles", caption: "Pôles de la zone de services par niveau (dans la zone analysée et au voisinage)",
                  columns: [("niveau_pole", "Niveau"), ("poles", "Pôles"), ("poles_zone_analyse", "Dans la zone analysée")],
                  rows: PoleLevel.allCases.reversed().filter { $0 != .aucun }.map { level in
                      let poles = result.poles.filter { $0.level == level }
                      return (level.rawValue, [.text("pôle " + ReportMaps.levelLabel(level)), .int(poles.count), .int(poles.filter(\.inAnalysisArea).count)])
                  })
    }

    func layerSentence(_ index: Int) -> String {
        let layer = result.layers[index]
        guard let row = result.summaries.first(where: { $0.name == layer.name }) else { return "" }
        return "\(FrenchNumber.count(layer.sites.count, "site", "sites")) ; \(FrenchNumber.count(row.communes, "commune", "communes")) et \(FrenchNumber.count(row.population, "habitant", "habitants")) (\(FrenchNumber.percent(row.populationSharePercent))) à plus de \(FrenchNumber.minutes(layer.thresholdMinutes)) du site le plus proche."
    }

    /// `zones_grises_par_subdivision.csv` as a table, same columns.
    func subdivisionTable() -> HTMLTable {
        HTMLTable(id: "table-subdivisions", caption: "Zones grises par subdivision (zones_grises_par_subdivision.csv)",
                  columns: [("subdivision", "Découpage"), ("code", "Code"), ("nom", "Nom"), ("gamme", "Gamme ou couche"), ("seuil_minutes", "Seuil"),
                            ("communes", "Communes"), ("population", "Habitants"), ("part_population_pct", "Part"),
                            ("communes_total", "Communes (total)"), ("population_totale", "Habitants (total)")],
                  rows: result.subdivisionSummaries.map { row in
                      let s = row.summary
                      return ("\(row.scheme):\(row.code):\(s.name)", [.text(row.scheme), .text(row.code), .text(row.nom), .text(s.name), .minutes(s.thresholdMinutes),
                                                                     .int(s.communes), .int(s.population), .percent(s.populationSharePercent),
                                                                     .int(s.totalCommunes), .int(s.totalPopulation)])
                  })
    }

    /// `comparaison.csv`'s rows of one scenario, same columns.
    func comparisonTable(_ outcome: ScenarioOutcome, index: Int) -> HTMLTable {
        HTMLTable(id: "table-comparaison-\(index + 1)", caption: "Avant et après, par gamme et couche (comparaison.csv)",
                  columns: [("gamme", "Gamme ou couche"), ("seuil_minutes", "Seuil"), ("communes_avant", "Communes avant"), ("population_avant", "Habitants avant"),
                            ("part_population_avant_pct", "Part avant"), ("communes_apres", "Communes après"), ("population_apres", "Habitants après"),
                            ("part_population_apres_pct", "Part après"), ("difference_communes", "Écart communes"), ("difference_population", "Écart habitants")],
                  rows: zip(result.summaries, outcome.result.summaries).map { before, after in
                      (before.name, [.text(before.name), .minutes(before.thresholdMinutes), .int(before.communes), .int(before.population),
                                     .percent(before.populationSharePercent), .int(after.communes), .int(after.population), .percent(after.populationSharePercent),
                                     .int(after.communes - before.communes), .int(after.population - before.population)])
                  })
    }

    /// `sites.csv`'s rows of one scenario.
    func siteTable(_ outcome: ScenarioOutcome, index: Int) -> HTMLTable {
        HTMLTable(id: "table-sites-\(index + 1)", caption: "Sites ajoutés, déplacés ou itinérants (sites.csv)",
                  columns: [("couche", "Couche"), ("id", "Site"), ("nom", "Nom"), ("commune", "Commune"), ("type", "Type"),
                            ("gain_marginal_population", "Gain propre (hab.)"), ("gain_seul_population", "Gain seul (hab.)")],
                  rows: outcome.siteGains.map { gain in
                      (gain.site.id, [.text(gain.layer), .text(gain.site.id), .text(gain.site.name), .text(gain.site.communeCode), .text(gain.kind.rawValue),
                                      .int(gain.marginalPopulation), .int(gain.alonePopulation)])
                  })
    }

    func recommendationContent(_ recommendation: Recommendation) -> String {
        let objective = recommendation.objective == "set_covering" ? "couvrir tous les habitants qu’un candidat peut rapprocher" : "le plus d’habitants rapprochés pour un nombre de sites donné"
        var content = paragraph("Couche \(recommendation.layer), objectif : \(objective) ; pondération : \(recommendation.weightName) ; \(FrenchNumber.count(recommendation.candidateCount, "commune candidate", "communes candidates")).")
        let table = HTMLTable(id: "table-recommandation", caption: "Sites recommandés, dans l’ordre du choix (recommandation.csv)",
                              columns: [("rang", "Rang"), ("commune", "Commune"), ("nom", "Nom"), ("gain_marginal", "Gain"), ("restant_au_dela", "Restant au-delà")],
                              rows: recommendation.result.sites.enumerated().map { rank, site in
                                  let nom = recommendation.communes.first { $0.code == site.place.communeCode }?.nom ?? ""
                                  return (String(rank + 1), [.int(rank + 1), .text(site.place.communeCode), .text(nom), .int(site.gainWeight), .int(site.beyondWeightAfter)])
                              })
        content += table.html
        if !recommendation.result.uncoverable.isEmpty {
            content += paragraph("\(FrenchNumber.count(recommendation.result.uncoverable.count, "commune reste", "communes restent")) au-delà du seuil quel que soit le choix (non_couvrables.csv).")
        }
        return content
    }

    // MARK: - Provenance

    func provenanceContent() -> String {
        var content = ""
        guard let manifest, case let .object(members) = manifest else {
            let rows = outputs.territory.files.map { file in
                (file.path, [HTMLTable.Cell.text(file.role), .text(file.path), .text(file.vintage ?? "")])
            }
            return HTMLTable(id: "table-entrees", caption: "Fichiers d’entrée", columns: [("role", "Rôle"), ("path", "Fichier"), ("vintage", "Millésime")],
                             rows: rows).html
                + warningList(outputs.warnings.map(\.message))
        }
        let field = { (name: String) in members.first { $0.0 == name }?.1 }
        content += paragraph("Outil : zonegrise \(ZonegriseVersion.current). Les mêmes entrées donnent les mêmes fichiers, octet pour octet ; manifest.json en donne le détail lisible par machine.")
        if case let .array(inputs)? = field("inputs") {
            let rows = inputs.map { input -> (key: String, cells: [HTMLTable.Cell]) in
                let get = { (key: String) in Self.text(Self.member(input, key)) }
                return (get("path"), [.text(get("role")), .text(get("path")), .text(get("vintage")), .text(get("sha256")),
                                      Self.member(input, "bytes").flatMap { if case let .int(n) = $0 { return HTMLTable.Cell.int(n) } else { return nil } } ?? .text("")])
            }
            content += HTMLTable(id: "table-entrees", caption: "Fichiers d’entrée (millésime, empreinte SHA-256, taille en octets)",
                                 columns: [("role", "Rôle"), ("path", "Fichier"), ("vintage", "Millésime"), ("sha256", "SHA-256"), ("bytes", "Octets")],
                                 rows: rows).html
        }
        for (key, caption) in [("parameters", "Paramètres"), ("time_model", "Modèle de temps de parcours"), ("gammes", "Gammes (source : file = table donnée, derived = dérivées)"), ("counts", "Effectifs")] {
            guard case let .object(entries)? = field(key) else { continue }
            content += HTMLTable(id: "table-\(key.replacingOccurrences(of: "_", with: "-"))", caption: caption, columns: [("cle", "Clé"), ("valeur", "Valeur")],
                                 rows: entries.map { ($0.0, [.text($0.0), .text(Self.text($0.1))]) }).html
        }
        content += paragraph("Source des gammes dans les fichiers : source_gammes = \(outputs.gammesSource).")
        return content + warningList(outputs.warnings.map(\.message))
    }

    func warningList(_ warnings: [String]) -> String {
        guard !warnings.isEmpty else { return "<h3>Avertissements</h3>\n" + paragraph("Aucun avertissement.") }
        return "<h3>Avertissements</h3>\n<ul class=\"avertissements\">\n" + warnings.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    static func member(_ value: JSONOutput, _ key: String) -> JSONOutput? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A JSON value as text: strings bare, null empty, the rest compact JSON.
    static func text(_ value: JSONOutput?) -> String {
        switch value {
        case nil, .null?: return ""
        case let .string(s)?: return s
        case let value?: return value.text(pretty: false)
        }
    }
}
