import ZonegriseCore

/// `LISEZMOI.txt`, written in every output folder (analyse, compare, recommend): in
/// French, what the folder is, where it comes from (command, tool version, manifest:
/// no date, so that two runs give the same bytes), every file it holds with one line
/// each (`OutputDescriptions`), and how to open them.
///
/// Built from the names actually written, after every writer has run, so that it lists
/// exactly the files of the folder.
struct LisezmoiText {
    static let fileName = "LISEZMOI.txt"

    /// The line of a file no description is known for (a caller's own writer).
    static let undescribedLine = "Fichier ajouté par le programme qui a lancé l'analyse (pas de description connue de zonegrise)."

    /// `analyse`, `compare` or `recommend`.
    var command: String
    /// The territory manifest (absolute path), or nil for a configuration built in code.
    var manifestPath: String?
    /// The files of the folder, relative to it, in the manifest's order.
    var files: [String]
    /// The road graph cache's name when it lives in the folder.
    var cacheName: String?
    /// Where the gammes come from, one French sentence (`gammesLine`); nil: not said.
    var gammes: String? = nil

    /// The sentence saying which gamme table the run used: the table given (CSV, or the
    /// workbook with its sheet and header row) or the derivation. A table's path follows
    /// on a line of its own (as the manifest's), so that the wrapping of the sentence does
    /// not depend on where the files are.
    static func gammesLine(table: String?, sheet: GammeWorkbookReader.Location?, derived: Bool) -> String {
        guard !derived, let table else {
            return "Gammes : dérivées des effectifs nationaux d'équipements et de population, aucune table n'étant donnée (gammes.csv en donne le détail, source_gammes = derivees)."
        }
        if let sheet {
            return "Gammes : table donnée par le classeur ci-dessous, feuille « \(sheet.sheet) », ligne d'en-tête \(sheet.headerRow) (empreinte SHA-256 dans manifest.json, source_gammes = table) :\n  \(table)"
        }
        return "Gammes : table donnée par le fichier ci-dessous (empreinte SHA-256 dans manifest.json, source_gammes = table) :\n  \(table)"
    }

    /// `analyse --sensitivite`: the variants run, explained after the file list.
    var sensitivity: [SensitivityVariant]? = nil

    /// The names among `files` that have no description.
    static func undescribed(_ files: [String]) -> [String] {
        files.filter { OutputDescriptions.line(for: $0) == nil }
    }

    var text: String {
        var lines: [String] = []
        let title = "Résultats de « zonegrise \(command) »"
        lines.append(title)
        lines.append(String(repeating: "=", count: title.count))
        lines.append("")
        switch command {
        case "compare":
            lines += Self.wrapped("Ce dossier compare des scénarios (sites de services ajoutés, fermés ou déplacés, pôles modifiés) à l'analyse de base des zones grises d'accès aux services du territoire.", width: 90, indent: "")
        case "recommend":
            lines += Self.wrapped("Ce dossier propose de nouveaux sites d'une couche de services, choisis parmi les communes candidates pour réduire la population au-delà du seuil, et compare ce choix à la situation actuelle.", width: 90, indent: "")
        default:
            lines += Self.wrapped("Ce dossier contient l'analyse des zones grises d'accès aux services du territoire : les communes trop éloignées en voiture des pôles de chaque gamme (proximité, intermédiaire, supérieure) et des sites des couches de services.", width: 90, indent: "")
        }
        lines.append("")
        lines.append("Produit par zonegrise \(ZonegriseVersion.current), commande « zonegrise \(command) », à partir du manifeste :")
        lines.append("  \(manifestPath ?? "(configuration donnée par programme, sans manifeste)")")
        if let gammes {
            let parts = gammes.split(separator: "\n", maxSplits: 1).map(String.init)
            lines += Self.wrapped(parts[0], width: 90, indent: "")
            if parts.count > 1 { lines.append(parts[1]) }
        }
        lines += Self.wrapped("Chaque exécution remplace le dossier en entier : n'y rangez pas d'autres fichiers (un dossier qui en contient est refusé).", width: 90, indent: "")
        lines.append("")
        lines.append("Fichiers")
        lines.append("--------")
        var listed = files
        if let cacheName, !listed.contains(cacheName) { listed.append(cacheName) }
        for name in listed {
            lines.append("")
            lines.append(name)
            let description = name == cacheName ? OutputDescriptions.cacheLine() : (OutputDescriptions.line(for: name) ?? Self.undescribedLine)
            lines += Self.wrapped(description, width: 88, indent: "    ")
        }
        if let sensitivity {
            lines.append("")
            lines.append("Sensibilité")
            lines.append("-----------")
            lines.append("")
            lines += Self.wrapped(Self.sensitivityText(sensitivity), width: 90, indent: "")
        }
        lines.append("")
        lines.append("Ouvrir les fichiers")
        lines.append("-------------------")
        let suffixes = Set(listed.map { name in name.split(separator: ".").last.map(String.init) ?? "" })
        for (extensions, how) in Self.howToOpen where !suffixes.isDisjoint(with: extensions) {
            lines.append("")
            lines += Self.wrapped(how, width: 90, indent: "  ", first: "- ")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// What `--sensitivite` adds, in French.
    static func sensitivityText(_ variants: [SensitivityVariant]) -> String {
        let labels: String = variants.map(\.label).joined(separator: ", ")
        let parts: [String] = [
            "La classification a aussi été refaite avec \(labels) (chaque variante seule, les autres paramètres inchangés).",
            "Dans communes.csv, communes.geojson et resultats.gpkg, la colonne zone_grise_G_robuste de chaque gamme vaut « oui » quand la commune est en zone grise dans la situation de base et dans toutes les variantes, « non » quand elle ne l'est dans aucune, « fragile » quand son statut change ; les communes fragiles sont hachurées sur les cartes.",
            "Dans zones_grises.csv, les colonnes _min et _max donnent le plus petit et le plus grand chiffre sur la situation de base et les variantes.",
        ]
        return parts.joined(separator: " ")
    }

    static let howToOpen: [(Set<String>, String)] = [
        (["html", "svg"], "Fichiers .html et .svg : un navigateur (Firefox, Chrome, Edge…), par un double-clic ou en les glissant dans une fenêtre ; aucune connexion n'est nécessaire."),
        (["geojson", "gpkg"], "Fichiers .geojson et .gpkg : QGIS (Couche > Ajouter une couche > Ajouter une couche vecteur, ou glisser-déposer le fichier). Les GeoJSON sont en WGS84 (EPSG:4326)."),
        (["csv"], "Fichiers .csv : un tableur (LibreOffice Calc, Excel : Données > À partir d'un fichier texte/CSV), encodage UTF-8, séparateur virgule, point décimal."),
        (["json", "yaml", "txt"], "Fichiers .json, .yaml et .txt : un éditeur de texte."),
    ]

    /// `text` cut into lines of at most `width` characters at spaces, each after `indent`
    /// (`first` before the first line instead, when given).
    static func wrapped(_ text: String, width: Int, indent: String, first: String? = nil) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty ? (first ?? indent) : indent
            if !current.isEmpty, prefix.count + current.count + 1 + word.count > width {
                lines.append(prefix + current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append((lines.isEmpty ? (first ?? indent) : indent) + current) }
        return lines
    }

    var bytes: [UInt8] { Array(text.utf8) }
}
