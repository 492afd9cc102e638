/// The files every `analyse` writes besides the tables of its territory (communes,
/// poles, zones grises, gammes, manifest): what tests listing an output folder add to
/// their territory's own files, so that a new output is named once here.
package enum OutputNames {
    /// The polygon outputs (docs/OUTPUTS.md): sectors and band areas per gamme.
    package static let polygons = ["bandes_intermediaire.geojson", "bandes_proximite.geojson", "bandes_superieure.geojson",
                                   "secteurs.csv", "secteurs.geojson"]

    /// Every extra file of an `analyse`, in the order `AnalysisRun.standardWriters` writes them.
    package static let analysisWritten = ["secteurs.geojson", "secteurs.csv", "bandes_proximite.geojson", "bandes_intermediaire.geojson",
                                          "bandes_superieure.geojson"]

    /// `names` and the extra files of an `analyse`, sorted (as a folder listing is).
    package static func analysisFolder(_ names: [String]) -> [String] { (names + polygons).sorted() }
}
