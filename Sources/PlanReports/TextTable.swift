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

    /// A column that gives up width in proportion to its weight when the table is too wide: the
    /// column with the most width per weight loses a column at a time, never below its minimum.
    /// A title of weight 2 beside an id of weight 1 thus ends up about twice as wide as the id.
    struct Share {
        var column: Int
        var minimum: Int
        var weight: Int
        init(_ column: Int, minimum: Int, weight: Int) { self.column = column; self.minimum = minimum; self.weight = max(weight, 1) }
    }

    func render(style: TerminalStyle, width: Int, shrinkOrder: [(column: Int, minimum: Int)] = [], share: [Share] = []) -> String {
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell.text))
            }
        }
        let shares = share.filter { widths.indices.contains($0.column) }
        var overflow = widths.reduce(0, +) + 2 * max(columns.count - 1, 0) - width
        while overflow > 0 {
            // Cross-multiplied `width / weight`, so ties break by the order given.
            guard let widest = shares.filter({ widths[$0.column] > $0.minimum }).max(by: {
                widths[$0.column] * $1.weight < widths[$1.column] * $0.weight
            }) else { break }
            widths[widest.column] -= 1
            overflow -= 1
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
