import ArgumentParser
import Foundation
import PlanCompiler
import PlanModel

/// Options shared by `build` and `serve`: where the site goes and how it looks.
struct SiteOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "The folder to write the site into (replaced as a whole).",
            completion: .directory)
    var output: String = "_site"

    @Option(help: ArgumentHelp("The URL the site is published at, e.g. https://example.org/plans/.",
                               discussion: "Used for canonical links and the 404 page; page links stay relative."))
    var baseURL: String?

    @Option(help: ArgumentHelp("A folder whose NAME.mustache templates and style.css replace the built-in ones.",
                               discussion: "See docs/site.md."), completion: .directory)
    var theme: String?

    /// What to publish where, stamped with the commit checked out where the plan lives.
    func request(_ plan: PlanOptions, liveReload: Bool = false) -> PublishRequest {
        PublishRequest(planPath: plan.path, output: output, today: plan.todayDay, commit: PlanRepository.commit(at: plan.path),
                       baseURL: baseURL, themeFolder: theme, liveReload: liveReload)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the static status site: portfolio, status pages, Gantt charts, task tables, plan.json.",
        discussion: """
            The site is written into a new folder beside OUTPUT and swapped in when complete, so a plan
            with errors or a failed build leaves the previous site as it was. OUTPUT must not contain
            the plan, and an existing OUTPUT must be a site planc built.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var site: SiteOutputOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "What changed since this git revision or date, instead of since the latest journal entry before today.")
    var since: String?

    @Flag(help: "Do not read the plan's git history: the trend sections say there is none.")
    var noHistory = false

    func run() throws {
        var request = site.request(plan)
        request.baseline = baselineOptions.baseline
        request.since = since
        request.readHistory = !noHistory
        let outcome: PublishOutcome
        do { outcome = try Pipeline.build(request) } catch let error as GitError {
            // History that cannot be read is an input problem, as for the report commands.
            FileHandle.standardError.write(Data("error: history: \(error)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardError.write(Data(DiagnosticWriter.lines(outcome.diagnostics).utf8))
        guard outcome.wroteSite else {
            FileHandle.standardError.write(Data("error: the plan has errors; the site in \(site.output) was left as it was\n".utf8))
            throw ExitCode.failure
        }
        print("Wrote \(NumberText.count(outcome.files.count, "file")) to \(site.output) (status as of \(request.today.iso)\(request.commit.map { ", commit \($0)" } ?? ""))")
    }
}
