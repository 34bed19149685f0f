import ArgumentParser
import Foundation
import PlanCompiler
import PlanModel

/// PATH and --today, shared by every command that compiles a plan.
struct PlanOptions: ParsableArguments {
    @Argument(help: "A plan folder or file.", completion: .directory)
    var path: String = "."

    @OptionGroup var todayOption: TodayOption

    /// The reporting date: an input to the compiler, read here at the edge and nowhere else.
    var todayDay: Day { todayOption.day }

    static func defaultToday() -> Day { TodayOption.defaultToday() }

    func compileOptions() -> CompileOptions { CompileOptions(path: path, today: todayDay) }
}

/// --today, for every command whose output depends on the date.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The date to report against, YYYY-MM-DD.",
        discussion: "Default: $SOURCE_DATE_EPOCH when set, else the current date (UTC)."))
    var today: String?

    func validate() throws {
        if let today, Day(iso: today) == nil {
            throw ValidationError("--today must be a real date written YYYY-MM-DD, got '\(today)'")
        }
    }

    var day: Day {
        if let today, let day = Day(iso: today) { return day }
        return Self.defaultToday()
    }

    static func defaultToday() -> Day { Clock.today(environment: ProcessInfo.processInfo.environment) }
}

/// --color auto|always|never, shared by commands that print for people.
struct ColorOptions: ParsableArguments {
    @Option(help: "Colour output: auto (only on a terminal, off when NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    var enabled: Bool {
        ColorPolicy.enabled(choice: color, isTerminal: isatty(STDOUT_FILENO) == 1,
                            environment: ProcessInfo.processInfo.environment)
    }
}

extension ColorChoice: ExpressibleByArgument {}
