/// Writes RFC 4180 CSV: `,`-separated, UTF-8 without BOM, LF line ends, fields quoted
/// only when they contain a comma, a quote or a line break.
struct CSVWriter {
    private var out: [UInt8] = []

    init(header: [String]) {
        addRow(header)
    }

    mutating func addRow(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let bytes = Array(field.utf8)
            if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                out.append(UInt8(ascii: "\""))
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(0x0A)
    }

    func bytes() -> [UInt8] { out }
}
