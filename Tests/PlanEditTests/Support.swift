import PlanEdit
import PlanFrontEnd
import PlanModel
import Testing

let today = Day(iso: "2026-09-15")!

/// A plan of in-memory files, by path.
func plan(_ files: [String: String]) -> EditablePlan {
    var loaded = Loader.Result()
    for path in files.keys.sorted() { Loader.accept(Array(files[path]!.utf8), path: path, into: &loaded) }
    return EditablePlan(loaded, root: ".", today: today)
}

/// The file `request` edits, before and after, from in-memory files.
func edit(_ files: [String: String], _ request: EditRequest) throws -> (path: String, before: String, after: String) {
    let editable = plan(files)
    let (file, replacements) = try editable.edit(request, today: today)
    return (file.path, String(decoding: file.bytes, as: UTF8.self),
            String(decoding: ByteReplacement.apply(replacements, to: file.bytes), as: UTF8.self))
}

/// The one line that differs between two texts, before and after; fails when more differ.
func changedLine(_ before: String, _ after: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (String, String)? {
    let old = before.split(separator: "\n", omittingEmptySubsequences: false)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(old.count == new.count, "line count changed", sourceLocation: sourceLocation)
    let differing = zip(old, new).filter { $0.0 != $0.1 }
    #expect(differing.count <= 1, "\(differing.count) lines differ", sourceLocation: sourceLocation)
    return differing.first.map { (String($0.0), String($0.1)) }
}

/// A one-project plan with `work` under `## Work`.
func project(_ work: String, tracksActuals: Bool = false, journal: String? = nil) -> String {
    var text = "# Demo\n\n- project: demo\n- start: 2026-06-01\n"
    if tracksActuals { text += "- tracks-actuals: yes\n" }
    text += "\n## Work\n\n" + work
    if let journal { text += "\n## Journal\n\n" + journal }
    return text
}
