/// An aligned text table. Columns size to their content; when the table is wider than the
/// terminal one chosen column (the title, usually) gives up the difference and is cut with `…`.
struct TextTable {
    struct Column {
        var title: String
        var alignRight: Bool
        init(_ title: String, alignRight: Bool = false) { self.title = title; self.alignRight = alignRight }
    }
    struct Cell {
        var text: String
        var paint: TerminalStyle.Paint?
        init(_ text: String, paint: TerminalStyle.Paint? = nil) { self.text = text; self.paint = paint }
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    init(columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [Cell]) { rows.append(row) }

    func render(style: TerminalStyle, width: Int, shrinkColumn: Int?) -> String {
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell.text))
            }
        }
        let total = widths.reduce(0, +) + 2 * max(columns.count - 1, 0)
        if total > width, let shrink = shrinkColumn, widths.indices.contains(shrink) {
            widths[shrink] = max(widths[shrink] - (total - width), min(widths[shrink], 8))
        }
        func line(_ cells: [Cell], header: Bool) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : Cell("")
                var text = TerminalText.fit(cell.text, widths[index], ascii: style.ascii, alignRight: column.alignRight)
                text = style.paint(text, header ? .bold : cell.paint)
                parts.append(text)
            }
            return parts.joined(separator: "  ").trailingTrimmed
        }
        var out = line(columns.map { Cell($0.title) }, header: true) + "\n"
        for row in rows { out += line(row, header: false) + "\n" }
        return out
    }
}
