import PlanModel
/// Which files are plans: the one home of the rule. The loader walks folders with it, the parser
/// decides a file's kind with it, and `planc serve`'s watcher looks at the same files.
///
/// Two steps. By name: a Markdown file (`*.md`, `*.markdown`) that is not hidden and not an
/// editor's temporary or backup file, in a folder that is not skipped. By content: a level-1
/// heading, then a list whose first item is a kind key written exactly (`project`, `part-of`,
/// `team`, `calendar`, `settings`, lower case, no space before the colon) with a valid id as its
/// whole value. Meeting minutes (`- Project: Finance ERP rollout`) fail both the case and the id
/// test, so ordinary Markdown is never read as a plan.
public enum PlanFiles {
    /// Folders never looked into, besides hidden ones (the site output, build products, packages).
    public static let skippedFolders: Set<String> = ["_site", "node_modules", ".build"]

    /// Whether the walk looks into a folder with this name.
    public static func isSearched(folder name: String) -> Bool {
        !name.hasPrefix(".") && !skippedFolders.contains(name)
    }

    /// Whether a file with this name (the last path component) may be a plan file: Markdown, not
    /// hidden, and not an editor's temporary, backup, autosave or lock file.
    public static func isCandidate(fileName name: String) -> Bool {
        guard name.hasSuffix(".md") || name.hasSuffix(".markdown") else { return false }
        // `.#plan.md` (Emacs lock), `.plan.md.swp`, anything hidden.
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasPrefix("~") { return false }
        // `plan.md.tmp.md`, `plan.tmp.md`, `plan.md.orig.md`: a second extension marks a copy an
        // editor or merge tool made; the real file sits beside it.
        let stem = name.hasSuffix(".md") ? name.dropLast(3) : name.dropLast(9)
        for marker in [".tmp", ".temp", ".bak", ".orig", ".swp", ".md", ".markdown", "~"] where stem.hasSuffix(marker) {
            return false
        }
        if stem.contains(".tmp.") || stem.contains(".md.") { return false }
        return !stem.isEmpty
    }

    /// The verdict on the first item of the list under the title.
    public enum Verdict: Equatable, Sendable {
        /// A plan file of this kind.
        case plan(PlanFileKind)
        /// Clearly meant as a plan file, but the key is misspelled or not in lower case: the
        /// suggestion is the key to write.
        case misspelled(suggestion: PlanFileKind)
        /// The kind key written exactly, but its value is not an id (`- team: IT Delivery`, or
        /// minutes' `- project: Finance ERP rollout`): a plan only if the rest of the file says so.
        case nameNotAnID(PlanFileKind)
        /// Ordinary Markdown.
        case notAPlan
    }

    /// Decides from the first list item's `key` and `value` (both as written, value trimmed).
    public static func classify(key: String, value: String) -> Verdict {
        let idLike = isPlanName(value)
        if let kind = PlanFileKind(rawValue: key) {
            return idLike ? .plan(kind) : .nameNotAnID(kind)
        }
        // Only a value that is a valid id makes a near miss a plan someone meant to write:
        // `- Project: crm`, `- projekt: crm`; never `- Project: Finance ERP rollout`.
        guard idLike else { return .notAPlan }
        let lowered = key.lowercased()
        if let kind = PlanFileKind(rawValue: lowered) { return .misspelled(suggestion: kind) }
        if let near = Suggest.closest(to: lowered, among: PlanFileKind.allCases.map(\.rawValue), maximumDistance: 2),
           let kind = PlanFileKind(rawValue: near) {
            return .misspelled(suggestion: kind)
        }
        return .notAPlan
    }

    /// A project id, team, calendar or settings name: one token of id characters.
    static func isPlanName(_ value: String) -> Bool {
        Slug.isValid(value)
    }

    /// Whether a file whose kind key has a value that is not an id is still clearly meant as a
    /// plan of that kind: another metadata key or a section heading that only plans of the kind
    /// use. Meeting minutes (`- attendees:`, `## Actions`) are not.
    static func looksMeant(_ kind: PlanFileKind, metadataKeys: [String], sections: [String]) -> Bool {
        let keys: [String], names: [Vocabulary.Section]
        switch kind {
        case .project: keys = Vocabulary.projectKeys; names = [.work, .risks, .objectives, .successCriteria, .journal]
        case .partOf: keys = []; names = [.work, .risks, .journal]
        case .team: keys = []; names = [.people, .pools]
        case .calendar: keys = Vocabulary.calendarKeys; names = [.holidays]
        case .settings: keys = Vocabulary.settingsKeys; names = []
        }
        let known = Set(keys).subtracting([kind.rawValue, "owner", "start"])
        return metadataKeys.contains(where: known.contains)
            || sections.contains { Vocabulary.section(named: $0).map(names.contains) ?? false }
    }
}
