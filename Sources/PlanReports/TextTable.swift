/// An aligned text table. Columns size to their content; when the table is wider than the
/// terminal chosen columns (the title first) give up the difference and are cut with `…`.
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

    func render(style: TerminalStyle, width: Int, shrinkOrder: [(column: Int, minimum: Int)]) -> String {
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell.text))
            }
        }
        // Too wide: give up columns' width in the caller's order of sacrifice, each down to its minimum.
        for (column, minimum) in shrinkOrder where widths.indices.contains(column) {
            let total = widths.reduce(0, +) + 2 * max(columns.count - 1, 0)
            guard total > width else { break }
            widths[column] = max(widths[column] - (total - width), min(widths[column], minimum))
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
