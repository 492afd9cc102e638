/// One line of French per file an output folder may hold, for `LISEZMOI.txt`: what the
/// file is and what opens it. Keyed by name, or by a pattern for families of files
/// (`cartes/*.svg`, `bandes_*.geojson`).
///
/// Every file a standard writer produces must have its line here:
/// `LisezmoiTests` fails on a name without one, so that a new output comes with its
/// description. A caller's own writer (docs/API.md) may produce other names; they are
/// listed as such (`LisezmoiText.undescribedLine`).
enum OutputDescriptions {
    /// The description of `name` (a path relative to the output folder), or nil.
    static func line(for name: String) -> String? {
        if let exact = byName[name] { return exact }
        if name.hasPrefix("cartes/"), name.hasSuffix(".svg") {
            let stem = String(name.dropFirst("cartes/".count).dropLast(".svg".count))
            return "Carte « \(stem) » en SVG, prête à imprimer ou à insérer dans un document (navigateur, Inkscape)."
        }
        if name.hasPrefix("bandes_"), name.hasSuffix(".geojson") {
            let stem = String(name.dropFirst("bandes_".count).dropLast(".geojson".count))
            let label = gammeLabels[stem] ?? "« \(stem) »"
            return "Aires des bandes de temps d'accès aux pôles de la \(label) : communes fusionnées par bande (0-10, 10-20… minutes), une entité par bande (QGIS)."
        }
        return nil
    }

    /// The road graph cache, whatever its name in the output folder.
    static func cacheLine() -> String {
        "Cache du graphe routier construit depuis l'extrait OpenStreetMap, relu par les exécutions suivantes sur le même extrait et le même profil (format interne de zonegrise : ne pas l'ouvrir, il peut être supprimé)."
    }

    static let gammeLabels = [
        "proximite": "gamme de proximité", "intermediaire": "gamme intermédiaire", "superieure": "gamme supérieure",
    ]

    static let byName: [String: String] = [
        // zonegrise analyse
        "communes.geojson": "Une entité par commune analysée, avec son contour : temps d'accès au pôle le plus proche de chaque gamme, ce pôle, la bande de temps, la zone grise par gamme, le nombre de gammes grises, le code enjeux et les couches de services (QGIS).",
        "communes.csv": "Les mêmes colonnes que communes.geojson, sans les contours : une ligne par commune (tableur).",
        "poles.geojson": "Les pôles de services de la zone de services, à leur centre : niveau de pôle, gammes servies, dans la zone d'analyse ou voisine (QGIS).",
        "zones_grises.csv": "Le résumé : par gamme puis par couche de services, le seuil, les communes et les habitants au-delà, et leur part de la population analysée (tableur).",
        "zones_grises_par_subdivision.csv": "Le même résumé par subdivision (EPCI, arrondissement…) et par gamme ou couche, avec les totaux de chaque subdivision (tableur).",
        "gammes.csv": "La table des types d'équipements (TYPEQU) et de leur gamme utilisée par l'analyse, modifiable et relisible par le manifeste (gammes.file) (tableur).",
        "rapport.html": "Le rapport de synthèse en français : chiffres clés, tableaux, cartes et méthode, en un seul fichier (navigateur).",
        "resultats.gpkg": "Toutes les couches géographiques dans un seul GeoPackage en Lambert-93, à ouvrir d'un bloc (QGIS) : pour une analyse, communes, pôles, secteurs, bandes et services ; pour une comparaison, communes avant et après chaque scénario, sites ajoutés, pôles et services.",
        "secteurs.geojson": "Les secteurs de zone grise : communes grises contiguës fusionnées, par gamme, avec leurs communes et habitants (QGIS).",
        "secteurs.csv": "Les mêmes secteurs sans les contours : gamme, communes, habitants (tableur).",
        // zonegrise compare
        "comparaison.csv": "Par scénario, gamme et couche : communes et habitants au-delà du seuil avant et après, et la différence (tableur).",
        "comparaison_par_subdivision.csv": "La même comparaison par subdivision (tableur).",
        "transitions.csv": "Les communes dont la bande de temps ou la situation (zone grise ou non) change dans un scénario (tableur).",
        "sites.csv": "Chaque site ajouté, fermé ou déplacé d'un scénario : son gain marginal et son gain seul, en habitants (tableur).",
        "comparaison.geojson": "Une entité par commune : temps avant et après chaque scénario, écart, communes desservies seulement par un arrêt itinérant (QGIS).",
        // zonegrise recommend
        "recommandation.csv": "Les sites recommandés dans l'ordre de leur choix : commune, gain, population encore au-delà du seuil après chacun (tableur).",
        "scenario.yaml": "Le scénario des sites recommandés, prêt pour zonegrise compare (éditeur de texte).",
        "non_couvrables.csv": "Les communes qu'aucun candidat ne peut amener sous le seuil (tableur).",
        // every folder
        "manifest.json": "La provenance : entrées avec leur empreinte SHA-256 et leur millésime, paramètres, modèle de temps, version de l'outil, avertissements et liste des fichiers (éditeur de texte).",
        LisezmoiText.fileName: "Ce fichier : la liste des fichiers du dossier et la façon de les ouvrir.",
    ]
}
