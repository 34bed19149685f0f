import PlanModel
import PlanReports

/// The page `planc serve` shows instead of the site while the plan has errors.
public enum DiagnosticsPage {
    public static func build(diagnostics: [Diagnostic], theme: Theme, options: SiteOptions) throws -> [SiteFile] {
        let library = try theme.library()
        let view = self.view(diagnostics)
        guard let body = library.render(view, withTemplate: "diagnostics") else {
            throw SiteBuilder.BuildError.templateFailed("diagnostics")
        }
        let layout = LayoutView(pageTitle: "Plan errors", siteTitle: "Plan errors", root: "/", canonical: nil,
                                stylesheetCSS: theme.stylesheet, breadcrumbs: [], today: DayText.long(options.today),
                                todayISO: options.today.iso, commit: options.commit, bodyHTML: body,
                                liveReload: options.liveReload)
        guard let page = library.render(layout, withTemplate: "layout") else {
            throw SiteBuilder.BuildError.templateFailed("layout")
        }
        return [SiteFile(path: "index.html", text: page)]
    }

    static func view(_ diagnostics: [Diagnostic]) -> DiagnosticsView {
        let items = diagnostics.map { diagnostic -> DiagnosticItem in
            let location = diagnostic.range.map { "\($0.file):\($0.start.line):\($0.start.column)" } ?? "(no location)"
            return DiagnosticItem(severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue,
                                  location: location, message: diagnostic.message, hint: diagnostic.hint)
        }
        return DiagnosticsView(title: "The plan has errors", errorCount: diagnostics.filter { $0.severity == .error }.count,
                               warningCount: diagnostics.filter { $0.severity == .warning }.count, items: items)
    }
}
