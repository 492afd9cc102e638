/// The files every `analyse` writes besides the tables of its territory (communes,
/// poles, zones grises, gammes, manifest): what tests listing an output folder add to
/// their territory's own files, so that a new output is named once here.
package enum OutputNames {
    /// The polygon outputs (docs/OUTPUTS.md): sectors and band areas per gamme.
    package static let polygons = ["bandes_intermediaire.geojson", "bandes_proximite.geojson", "bandes_superieure.geojson",
                                   "secteurs.csv", "secteurs.geojson"]

    /// Every extra file of an `analyse`, sorted (maps in the `cartes` folder).
    package static let extras = (polygons + ["resultats.gpkg", "cartes", "rapport.html", "LISEZMOI.txt"]).sorted()

    /// Every extra file of an `analyse` of a territory without service layers, in the
    /// order `AnalysisRun.standardWriters` writes them. `LISEZMOI.txt` comes last,
    /// written once every writer has named its files.
    package static let analysisWritten = analysisWritten(layers: [])

    /// Every extra file of an `analyse` whose service layers are `layers` (one map each).
    package static func analysisWritten(layers: [String]) -> [String] {
        ["secteurs.geojson", "secteurs.csv", "bandes_proximite.geojson", "bandes_intermediaire.geojson", "bandes_superieure.geojson",
         "resultats.gpkg"] + report(layers: layers) + ["LISEZMOI.txt"]
    }

    /// The report and its maps (`cartes/NAME.svg`), in the order written.
    package static func report(layers: [String]) -> [String] {
        ["rapport.html"] + (["bandes_proximite", "bandes_intermediaire", "bandes_superieure", "zones_grises", "secteurs", "poles"]
            + layers.map { "couche_" + $0 }).map { "cartes/\($0).svg" }
    }

    /// `names` and the extra files of an `analyse`, sorted (as a folder listing is; the
    /// maps are in the `cartes` folder).
    package static func analysisFolder(_ names: [String]) -> [String] { (names + extras).sorted() }
}
