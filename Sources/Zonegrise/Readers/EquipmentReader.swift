import ZonegriseCore

/// Reads INSEE BPE equipment: counts per commune (`DEPCOM, TYPEQU, NB_EQUIP`, one row
/// per commune × IRIS × type) or the geolocated layout (`DEPCOM, TYPEQU, LAMBERT_X,
/// LAMBERT_Y`, one row per equipment). Plain or gzip.
///
/// Equipment is located at its commune: poles are decided on commune counts. Points
/// without coordinates are counted and reported.
struct EquipmentReader {
    let file: String

    struct Output {
        /// Types present per code, for every row of the file (national context).
        var nationalTypes: [String: Set<String>]
        /// Equipment count per commune of the geometry and type.
        var countsByCommune: [String: [String: Int]]
        var unmatched: [(code: String, line: Int)]
        var rows: Int
        var layout: String
        /// Geolocated layout only: rows with and without coordinates.
        var located: Int
        var unlocated: Int
    }

    /// The file's rows summed per code as written in the file, before matching them
    /// to the geometry: parsing does not need the communes, so it runs while they load.
    struct Parsed: Sendable {
        /// Types present per code of the file (national context for the gammes).
        var nationalTypes: [String: Set<String>] = [:]
        /// Equipment count per code of the file and type (rows with a count > 0).
        var countsByCode: [String: [String: Int]]
        /// First line of each code of `countsByCode`.
        var firstLine: [String: Int]
        var rows: Int
        var geolocated: Bool
        var located: Int
        var unlocated: Int

        /// Matches the codes to the geometry (arrondissements to their commune, codes of
        /// other départements left out, unknown codes listed with their first line).
        /// - Complexity: O(rows summed), one match per distinct code.
        func match(_ codes: CommuneCodes) -> Output {
            var counts: [String: [String: Int]] = [:]
            var unmatched: [(code: String, line: Int)] = []
            for (code, types) in countsByCode {
                switch codes.match(code) {
                case let .commune(commune), let .arrondissement(of: commune):
                    if let existing = counts[commune] {
                        counts[commune] = existing.merging(types, uniquingKeysWith: +)
                    } else {
                        counts[commune] = types
                    }
                case .outside:
                    break
                case .unknown:
                    unmatched.append((code, firstLine[code]!))
                }
            }
            return Output(nationalTypes: nationalTypes, countsByCommune: counts, unmatched: unmatched.sorted { $0.line < $1.line },
                          rows: rows, layout: geolocated ? "BPE géolocalisée" : "BPE comptages", located: located, unlocated: unlocated)
        }
    }

    /// The columns of the file's layout.
    struct Layout: Sendable {
        var commune: Int
        var type: Int
        var count: Int?
        var x: Int?
        var y: Int?
        var geolocated: Bool { x != nil && y != nil }
    }

    func layout(_ csv: CSVReader) throws -> Layout {
        let layout = Layout(commune: try csv.column(anyOf: ["DEPCOM", "CODGEO", "commune"]), type: try csv.column("TYPEQU"),
                            count: csv.optionalColumn("NB_EQUIP"), x: csv.optionalColumn("LAMBERT_X"), y: csv.optionalColumn("LAMBERT_Y"))
        guard layout.geolocated || layout.count != nil else {
            throw ZonegriseError.missingColumn(file: file, column: "NB_EQUIP (or LAMBERT_X and LAMBERT_Y for geolocated BPE)", available: csv.header)
        }
        return layout
    }

    /// Reads and checks every row, on the calling thread.
    /// - Complexity: O(bytes).
    func parse() throws -> Parsed {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let layout = try layout(csv)
        var parsed = Parsed(countsByCode: [:], firstLine: [:], rows: 0, geolocated: layout.geolocated, located: 0, unlocated: 0)
        try parse(csv, layout: layout, part: csv.parts(1)[0], into: &parsed)
        return parsed
    }

    /// Reads and checks every row, the file cut into parts parsed concurrently (one per
    /// core) and merged in file order: the same result, and the same first error, as
    /// `parse()`.
    /// - Parameters: `parts` and `minimumBytes` as for `CSVReader.parts` (tests cut small files).
    /// - Complexity: O(bytes), over the cores.
    func parseConcurrently(parts: Int = Concurrency.cores, minimumBytes: Int = 1 << 20) async throws -> Parsed {
        let csv = try CSVReader(bytes: try InputBytes.read(file), file: file)
        let layout = try layout(csv)
        let empty = Parsed(countsByCode: [:], firstLine: [:], rows: 0, geolocated: layout.geolocated, located: 0, unlocated: 0)
        let results = try await Concurrency.map(csv.parts(parts, minimumBytes: minimumBytes)) { part -> (Parsed, (any Error)?) in
            var parsed = empty
            do { try self.parse(csv, layout: layout, part: part, into: &parsed) } catch { return (parsed, error) }
            return (parsed, nil)
        }
        var merged = empty
        for (parsed, failure) in results {
            if let failure { throw failure }
            merged.rows += parsed.rows
            merged.located += parsed.located
            merged.unlocated += parsed.unlocated
            for (code, line) in parsed.firstLine where merged.firstLine[code] == nil { merged.firstLine[code] = line }
            merged.nationalTypes.merge(parsed.nationalTypes) { $0.union($1) }
            for (code, types) in parsed.countsByCode {
                if let existing = merged.countsByCode[code] {
                    merged.countsByCode[code] = existing.merging(types, uniquingKeysWith: +)
                } else {
                    merged.countsByCode[code] = types
                }
            }
        }
        return merged
    }

    /// Reads the rows of one part into `parsed`. Rows of one code are summed in a local
    /// table while they follow each other (BPE files are sorted by commune), so that
    /// most rows cost one hash of their type rather than look-ups of their code.
    func parse(_ csv: CSVReader, layout: Layout, part: CSVReader.Part, into parsed: inout Parsed) throws {
        var counts: [String: [String: Int]] = [:]
        var national: [String: Set<String>] = [:]
        var firstLine: [String: Int] = [:]
        var rows = 0, located = 0, unlocated = 0
        // The code of the rows being summed, and their counts per type.
        var current = ""
        var currentCounts: [String: Int] = [:]
        func flush() {
            guard !current.isEmpty else { return }
            counts[current] = currentCounts
            national[current] = Set(currentCounts.keys)
        }
        defer {
            flush()
            parsed.countsByCode = counts
            parsed.nationalTypes = national
            parsed.firstLine = firstLine
            parsed.rows = rows
            parsed.located = located
            parsed.unlocated = unlocated
        }
        let (communeColumn, typeColumn, countColumn, xColumn, yColumn) = (layout.commune, layout.type, layout.count, layout.x, layout.y)
        let geolocated = layout.geolocated
        try csv.forEachRecord(in: part) { record in
            rows += 1
            let code = record.string(communeColumn)
            let type = record.string(typeColumn)
            guard !type.isEmpty else {
                throw ZonegriseError.invalidValue(file: file, line: record.line, field: "TYPEQU", value: "", expected: "an equipment type code such as D201")
            }
            var count = 1
            if let countColumn {
                // At most `InputLimits.maximumEquipmentCount`: sums of rows cannot overflow.
                guard let value = record.int(countColumn), (0 ... InputLimits.maximumEquipmentCount).contains(value) else {
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "NB_EQUIP", value: record.string(countColumn),
                                                      expected: "a whole number of equipments from 0 to \(InputLimits.text(InputLimits.maximumEquipmentCount))")
                }
                count = value
            }
            if geolocated {
                if record.isEmpty(xColumn!) || record.isEmpty(yColumn!) {
                    unlocated += 1
                } else if let x = record.double(xColumn!), let y = record.double(yColumn!), x.isFinite, y.isFinite,
                          InputLimits.isProjected(x: x, y: y) {
                    located += 1
                } else {
                    // Overseas rows use local UTM zones: any plausible projected metres.
                    throw ZonegriseError.invalidValue(file: file, line: record.line, field: "LAMBERT_X/LAMBERT_Y",
                                                      value: record.string(xColumn!) + " " + record.string(yColumn!),
                                                      expected: "projected metres (Lambert-93, or UTM overseas), at most \(InputLimits.text(InputLimits.maximumProjectedMetres)) from the origin")
                }
            }
            guard count > 0 else { return }
            if code != current {
                flush()
                if firstLine[code] == nil {
                    guard CommuneReader.isCommuneCode(code) else {
                        throw ZonegriseError.invalidValue(file: file, line: record.line, field: csv.header[communeColumn], value: code,
                                                          expected: "a 5-character INSEE commune code")
                    }
                    firstLine[code] = record.line
                }
                current = code
                currentCounts = counts.removeValue(forKey: code) ?? [:]
            }
            currentCounts[type, default: 0] += count
        }
    }
}
