import Foundation
import PlanModel

/// The settings file (`- settings: NAME`, at most one): what holds for every project of the
/// repository. Read before projects, which take its currency and `tracks-actuals` as defaults,
/// and before any money, whose reading depends on `decimal-mark`.
extension LoweringContext {
    mutating func lowerSettings(_ file: FileSyntax) {
        if let first = plan.settings.range {
            diagnostics.report(.duplicateID, "the repository already has a settings file", at: file.nameRange,
                               notes: [.init("first defined here", at: first)], hint: "keep one `- \(Vocabulary.kindKey(.settings)):` file per repository")
            return
        }
        var settings = PortfolioSettings()
        settings.title = file.title
        settings.range = file.nameRange
        for item in file.metadata.dropFirst() {
            switch item.key {
            case "currency":
                if let code = currencyCode(item.value, at: item.valueRange) { settings.currency = code }
            case "tracks-actuals":
                settings.tracksActuals = values.yesNo(item.value, at: item.valueRange, what: "tracks-actuals") ?? false
            case "decimal-mark":
                switch item.value.lowercased() {
                case "comma", ",": values.decimalMark = ","
                case "point", "dot", ".": values.decimalMark = "."
                default:
                    diagnostics.report(.unknownValue, "decimal-mark must be comma or point, not '\(item.value)'", at: item.valueRange,
                                       hint: "write `- decimal-mark: comma` for amounts like 1.234,50 EUR")
                }
            case "baseline":
                if item.value.isEmpty || item.value.hasPrefix("-") || item.value.contains(" ") {
                    diagnostics.report(.unknownValue, "baseline must name a tag, a commit or a date, not '\(item.value)'", at: item.valueRange,
                                       hint: "write `- baseline: v1.0` (a git tag) or `- baseline: 2026-06-24`")
                } else {
                    settings.baseline = item.value
                }
            case "theme":
                let folder = (file.path as NSString).deletingLastPathComponent
                settings.theme = item.value.hasPrefix("/") || folder.isEmpty ? item.value : folder + "/" + item.value
            default:
                unknownMetadata(item, allowed: Vocabulary.settingsKeys)
            }
        }
        for section in file.sections { unknownSection(section, in: .settings) }
        plan.settings = settings
    }
}
