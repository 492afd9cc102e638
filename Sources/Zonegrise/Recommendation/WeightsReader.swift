import ZonegriseCore

/// Reads per-commune weights for the recommendation's objective (priority publics:
/// households without a car, people over 75…): a CSV with a commune code column
/// (`code`, `commune`, `codgeo`, `COM` or `insee_com`) and the weight column named by
/// the user. Weights are whole numbers, 0 or more; an analysed commune without a row
/// weighs 0 (counted in a warning); a row for a commune that is not analysed is an error.
struct WeightsReader {
    let file: String
    let column: String

    func read(analysed communes: [Commune], fusions: [String: String], warnings: Warnings) throws -> [Int] {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let codeColumn = try csv.column(anyOf: ["code", "commune", "codgeo", "COM", "insee_com"])
        let weightColumn = try csv.column(column)
        let index = Dictionary(communes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var weights = [Int?](repeating: nil, count: communes.count)
        try csv.forEachRecord { record in
            let given = record.string(codeColumn)
            let code = fusions[given] ?? given
            guard let i = index[code] else {
                throw ZonegriseError.unknownCommune(file: file, line: record.line, code: given, what: "weight row",
                                                    hint: "weights are for the analysed communes only")
            }
            // At most `InputLimits.maximumWeight` per row, and per commune (rows of merged
            // communes add up): the objective's sums cannot overflow.
            guard let weight = record.int(weightColumn), (0 ... InputLimits.maximumWeight).contains(weight),
                  (weights[i] ?? 0) + weight <= InputLimits.maximumWeight else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[weightColumn],
                                                  value: record.string(weightColumn),
                                                  expected: "a whole number from 0 to \(InputLimits.text(InputLimits.maximumWeight)) (per commune)")
            }
            weights[i] = (weights[i] ?? 0) + weight
        }
        let missing = communes.indices.filter { weights[$0] == nil }
        if !missing.isEmpty {
            warnings.add(RunWarning(.unmatchedRowsSkipped, file: file, count: missing.count, examples: missing.prefix(5).map { communes[$0].code },
                                    message: "\(file): \(missing.count) analysed commune(s) have no weight row and weigh 0 (first: \(missing.prefix(5).map { communes[$0].code }.joined(separator: ", ")))"))
        }
        return weights.map { $0 ?? 0 }
    }
}
