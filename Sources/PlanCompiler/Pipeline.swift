import PlanAnalysis
import PlanFrontEnd
import PlanModel
import PlanSchedule

/// The compiler's phases, in the order they run. Each is one function of `Pipeline` below, from
/// values to values plus diagnostics; a command runs a prefix of this list and never a phase on
/// its own: `check` stops after `schedule` (the scheduler and the planning-window check report
/// problems too), the reports after `analyze`, `build` and `serve` run `publish`.
public enum Phase: Int, CaseIterable, Comparable, Sendable {
    /// Find the plan's Markdown files and read them as UTF-8 (`Loader`).
    case load
    /// Markdown to syntax, through libcmark, for the files that are plans (`Parser`).
    case parse
    /// Syntax to one `Plan`: ids, references, inheritance, units (`Lowering`).
    case lower
    /// Rules over the whole plan: cycles, calendars, resources, money, risks (`Checker`).
    case check
    /// Dates: time analysis, resource leveling, forecasts; then no date may leave the planning
    /// window (`Scheduler`, `PlanningWindowCheck`).
    case schedule
    /// Health, progress, cost and variance per project (`Analyzer`).
    case analyze
    /// The HTML status site with plan.json beside it, swapped into place (`Publish`).
    case publish

    public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
}

/// What one run of the compiler produced: the model, its schedule and analysis, every diagnostic.
public struct CompiledPlan: Sendable {
    public var plan: Plan
    /// Nil when the front end found errors that make scheduling meaningless, or the run stopped
    /// before scheduling.
    public var schedule: Schedule?
    /// Computed once, by the analyze phase, whenever there is a schedule.
    public var analysis: PortfolioAnalysis?
    public var diagnostics: [Diagnostic]
    public var today: Day
    /// Text of every plan file read, by path (for diagnostic excerpts).
    public var sources: [String: String]
    /// The path given could not be read at all (exit status 2).
    public var inputUnreadable: Bool
    /// The version of the plan it is measured against, when one is named (`Baselines.apply`).
    public var baseline: Baseline?
    /// What moved since the last report (`LastReport.apply`), when history says.
    public var sinceLastReport: SinceLastReport?

    /// A plan made elsewhere (a baseline from history, an editor's buffer), to enter the
    /// pipeline in the middle with `Pipeline.run(_:from:through:)`.
    public init(plan: Plan, today: Day, diagnostics: [Diagnostic] = [], sources: [String: String] = [:],
                inputUnreadable: Bool = false) {
        self.plan = plan; self.today = today; self.diagnostics = diagnostics; self.sources = sources
        self.inputUnreadable = inputUnreadable
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public struct CompileOptions: Sendable {
    /// A plan folder or a single plan file.
    public var path: String
    public var today: Day
    public var scheduleOptions: ScheduleOptions

    public init(path: String, today: Day, scheduleOptions: ScheduleOptions = .init()) {
        self.path = path; self.today = today; self.scheduleOptions = scheduleOptions
    }
}

/// The whole compiler in one place: `compile` runs the phases from `load` through the one asked
/// for, `run` enters after lowering with a plan already in memory, `build` runs them all.
public enum Pipeline {
    // MARK: Runs

    /// Runs load through `last` (at least `lower`, where a plan first exists; at most `analyze`,
    /// since publishing needs a destination: see `build`).
    public static func compile(_ options: CompileOptions, through last: Phase = .analyze) -> CompiledPlan {
        var cache = ParseCache()
        return compile(options, through: last, cache: &cache)
    }

    /// The same, reusing unchanged files' parses from `cache` (for `planc serve`).
    public static func compile(_ options: CompileOptions, through last: Phase = .analyze, cache: inout ParseCache) -> CompiledPlan {
        compile(load(options.path), root: options.path, options, through: last, cache: &cache)
    }

    /// The same on files already loaded from elsewhere: a commit in git history
    /// (`GitRepository.load(at:)`). `root` is the plan path they are named under.
    public static func compile(_ loaded: Loader.Result, root: String, _ options: CompileOptions, through last: Phase = .analyze,
                               cache: inout ParseCache) -> CompiledPlan {
        var leveling = LevelingMemo()
        return compile(loaded, root: root, options, through: last, cache: &cache, leveling: &leveling)
    }

    /// The same, also taking the leveling from `leveling` when the scheduling network has not
    /// changed since the last compile that used it (an editor's session, `planc serve`).
    public static func compile(_ loaded: Loader.Result, root: String, _ options: CompileOptions, through last: Phase = .analyze,
                               cache: inout ParseCache, leveling: inout LevelingMemo) -> CompiledPlan {
        precondition(last >= .lower && last <= .analyze, "compile runs through lower, check, schedule or analyze")
        let parsed = parse(loaded, root: root, cache: &cache)
        let lowered = lower(parsed, today: options.today)
        let compiled = CompiledPlan(plan: lowered.plan, today: options.today,
                                    diagnostics: loaded.diagnostics + parsed.diagnostics + lowered.diagnostics,
                                    sources: parsed.sources, inputUnreadable: loaded.rootUnreadable)
        return run(compiled, from: .check, through: last, scheduleOptions: options.scheduleOptions, leveling: &leveling)
    }

    /// Runs the phases from `first` through `last` on a plan that has been through the ones
    /// before `first` (from `check` on an unchecked plan, from `schedule` on a checked one).
    public static func run(_ compiled: CompiledPlan, from first: Phase, through last: Phase,
                           scheduleOptions: ScheduleOptions = .init()) -> CompiledPlan {
        var leveling = LevelingMemo()
        return run(compiled, from: first, through: last, scheduleOptions: scheduleOptions, leveling: &leveling)
    }

    /// The same with a leveling memo (see `compile(_:root:_:through:cache:leveling:)`).
    public static func run(_ compiled: CompiledPlan, from first: Phase, through last: Phase,
                           scheduleOptions: ScheduleOptions = .init(), leveling: inout LevelingMemo) -> CompiledPlan {
        precondition(first >= .check && last <= .analyze, "run enters at check, schedule or analyze and stops by analyze")
        var compiled = compiled
        for phase in Phase.allCases where phase >= first && phase <= last {
            switch phase {
            case .check:
                let checked = check(compiled.plan, today: compiled.today)
                compiled.plan = checked.plan
                compiled.diagnostics += checked.diagnostics
            case .schedule:
                let scheduled = schedule(compiled.plan, today: compiled.today, after: compiled.diagnostics, options: scheduleOptions,
                                         leveling: &leveling)
                compiled.schedule = scheduled.schedule
                compiled.diagnostics += scheduled.diagnostics
            case .analyze:
                compiled.analysis = compiled.schedule.map { analyze(compiled.plan, $0) }
            case .load, .parse, .lower, .publish:
                break
            }
        }
        compiled.diagnostics = deduplicated(compiled.diagnostics)
        return compiled
    }

    /// Every phase: compiles and, when the plan has no errors, publishes the site (`planc build`,
    /// each rebuild of `planc serve`). Plan errors come back as diagnostics with the old site kept.
    public static func build(_ request: PublishRequest) throws -> PublishOutcome {
        var cache = ParseCache()
        return try build(request, cache: &cache)
    }

    /// The same, reusing the parse of unchanged plan files from `cache`.
    public static func build(_ request: PublishRequest, cache: inout ParseCache) throws -> PublishOutcome {
        var leveling = LevelingMemo()
        return try build(request, cache: &cache, leveling: &leveling)
    }

    /// The same, with the leveling of an unchanged scheduling network from `leveling` (`planc serve`).
    public static func build(_ request: PublishRequest, cache: inout ParseCache, leveling: inout LevelingMemo) throws -> PublishOutcome {
        let options = CompileOptions(path: request.planPath, today: request.today)
        var compiled = compile(load(options.path), root: options.path, options, through: .analyze, cache: &cache, leveling: &leveling)
        if !compiled.hasErrors {
            try Baselines.apply(to: &compiled, planPath: request.planPath, reference: request.baseline, cache: &cache)
            try LastReport.apply(to: &compiled, planPath: request.planPath, since: request.since, cache: &cache)
        }
        return try publish(compiled, request)
    }

    // MARK: Phases

    /// Load: the Markdown files under `path`, read and validated.
    public static func load(_ path: String) -> Loader.Result {
        Loader.load(path: path)
    }

    /// Parse: the syntax of the files that are plans.
    public static func parse(_ loaded: Loader.Result, root: String, cache: inout ParseCache) -> ParsedFiles {
        FrontEnd.parse(loaded.files, loadDiagnostics: loaded.diagnostics, inputUnreadable: loaded.rootUnreadable,
                       root: root, cache: &cache)
    }

    /// Lower: one plan from the files' syntax.
    public static func lower(_ parsed: ParsedFiles, today: Day) -> (plan: Plan, diagnostics: [Diagnostic]) {
        Lowering.lower(parsed.syntax, today: today)
    }

    /// Check: the rules over the whole plan (it also settles derived values, such as states).
    public static func check(_ plan: Plan, today: Day) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var plan = plan
        let diagnostics = Checker.check(&plan, today: today)
        return (plan, diagnostics)
    }

    /// Schedule: dates for every task, or none when the plan is empty or an earlier phase found
    /// an error that makes dates meaningless, or a computed date leaves the planning window.
    public static func schedule(_ plan: Plan, today: Day, after earlier: [Diagnostic],
                                options: ScheduleOptions = .init()) -> (schedule: Schedule?, diagnostics: [Diagnostic]) {
        var leveling = LevelingMemo()
        return schedule(plan, today: today, after: earlier, options: options, leveling: &leveling)
    }

    /// The same, with the leveling from `leveling` when the network is the one leveled last.
    public static func schedule(_ plan: Plan, today: Day, after earlier: [Diagnostic], options: ScheduleOptions = .init(),
                                leveling: inout LevelingMemo) -> (schedule: Schedule?, diagnostics: [Diagnostic]) {
        guard !plan.projects.isEmpty, !earlier.contains(where: { $0.severity == .error && $0.code.blocksScheduling }) else {
            return (nil, [])
        }
        let result = Scheduler.schedule(plan, today: today, options: options, memo: &leveling)
        let outside = PlanningWindowCheck.check(plan, result.schedule)
        return (outside.isEmpty ? result.schedule : nil, result.diagnostics + outside)
    }

    /// Analyze: health, progress, cost and variance, once for every output.
    public static func analyze(_ plan: Plan, _ schedule: Schedule) -> PortfolioAnalysis {
        Analyzer.analyze(plan, schedule)
    }

    /// Publish: the site of a compiled plan written into `request.output` (see `Publish`).
    public static func publish(_ compiled: CompiledPlan, _ request: PublishRequest) throws -> PublishOutcome {
        try Publish.site(compiled, request)
    }

    /// Sorted for reading, with repeats removed: the checker and the scheduler may both notice the
    /// same fact (a pool smaller than a task's demand) at the same place.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        struct Place: Hashable { var code: DiagnosticCode; var range: SourceRange? }
        var seen: Set<Place> = []
        return bag.sorted.filter { $0.range == nil || seen.insert(Place(code: $0.code, range: $0.range)).inserted }
    }
}
