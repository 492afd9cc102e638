/// The fusions the COG gives for a geometry older than it: a commune of the geometry
/// that is no longer a commune at the COG's date but a commune déléguée or associée of
/// a commune of the geometry is merged into that commune (`communes.cog_file`).
///
/// Fusions declared in `communes.fusions` win: a code they name is left to them, and a
/// parent they merge further is followed to its end. Codes the COG does not know at all
/// (communes absorbed without keeping a commune déléguée) cannot be placed from it: they
/// are returned apart, for the warning that asks to declare them.
struct CogFusions: Equatable {
    /// Old code → code of the geometry it merged into, from the COG only.
    var derived: [String: String]
    /// Codes of the geometry that are not communes at the COG's date and that it cannot
    /// place (absent from it, or whose parent is not in the geometry), sorted.
    var unplaced: [String]

    /// - Parameters:
    ///   - geometry: codes of the commune polygons read.
    ///   - declared: `communes.fusions` (chains already resolved).
    /// - Complexity: O(geometry codes).
    init(registry: CogReader.Registry, geometry: Set<String>, declared: [String: String]) {
        var derived: [String: String] = [:]
        var unplaced: [String] = []
        for code in geometry.sorted() where declared[code] == nil && !registry.communes.contains(code) {
            guard let parent = registry.parentOf[code] else {
                unplaced.append(code)
                continue
            }
            let target = declared[parent] ?? parent
            if geometry.contains(target), target != code { derived[code] = target } else { unplaced.append(code) }
        }
        self.derived = derived
        self.unplaced = unplaced
    }
}
