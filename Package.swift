// swift-tools-version: 6.0
import PackageDescription

// planc is laid out as a compiler: each phase is a target, values flow one way.
//   load -> parse -> lower -> check      PlanFrontEnd (over PlanMarkdown, the cmark wrapper)
//   schedule                             PlanSchedule
//   analyze                              PlanAnalysis
//   emit                                 PlanReports (terminal, exports), PlanSite (HTML)
// PlanCompiler wires the phases into one pipeline; `planc` only parses arguments.
let package = Package(
    name: "planc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planc", targets: ["planc"]),
        .executable(name: "psplib-bench", targets: ["psplib-bench"]),
        .executable(name: "plan-fuzz", targets: ["plan-fuzz"]),
        .library(name: "PlanCompiler", targets: ["PlanCompiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The C library, found through pkg-config. Only PlanMarkdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The one wrapper around cmark: Markdown in, Swift values with source lines out.
        .target(name: "PlanMarkdown", dependencies: ["Ccmark"]),
        // Plain values: days, source ranges, diagnostics, the project model and its schedule.
        .target(name: "PlanModel"),
        // load -> parse -> lower -> check.
        .target(name: "PlanFrontEnd", dependencies: ["PlanModel", "PlanMarkdown"]),
        // Working calendars, time analysis, resource leveling, forecasts.
        .target(name: "PlanSchedule", dependencies: ["PlanModel"]),
        // Health, progress, cost and variance figures computed from plan and schedule.
        .target(name: "PlanAnalysis", dependencies: ["PlanModel"]),
        // Terminal output (gantt, status, tasks) and exports (json, csv, ics, mermaid, tjp).
        .target(name: "PlanReports", dependencies: ["PlanModel", "PlanAnalysis"]),
        // The static HTML status site.
        .target(
            name: "PlanSite",
            dependencies: [
                "PlanModel", "PlanAnalysis", "PlanReports", "PlanMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The templates are compiled in (Templates+Embedded.swift), so planc is one file.
            exclude: ["Templates"]
        ),
        // The visible pipeline, diagnostic writers and atomic output.
        .target(
            name: "PlanCompiler",
            dependencies: ["PlanModel", "PlanFrontEnd", "PlanSchedule", "PlanAnalysis", "PlanReports", "PlanSite"]
        ),
        // `planc serve`: a local HTTP server that rebuilds on change.
        .target(
            name: "PlanServe",
            dependencies: ["PlanCompiler"]
        ),
        .executableTarget(
            name: "planc",
            dependencies: [
                "PlanCompiler", "PlanServe", "PlanModel", "PlanAnalysis", "PlanReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // PSPLIB scheduling-quality benchmark: `swift run -c release psplib-bench DIR [TABLE]`.
        .executableTarget(name: "psplib-bench", dependencies: ["PlanSchedule", "PlanModel"]),
        // The fuzz target: the whole pipeline on one input. A plain build makes a reproducer;
        // `Fuzz/run.sh SECONDS` builds it with libFuzzer and AddressSanitizer and fuzzes.
        .executableTarget(name: "plan-fuzz", dependencies: ["PlanCompiler", "PlanServe", "PlanSite", "PlanModel"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "PlanMarkdownTests", dependencies: ["PlanMarkdown"]),
        .testTarget(name: "PlanFrontEndTests", dependencies: ["PlanFrontEnd", "PlanMarkdown"], resources: [.copy("Corpus")]),
        .testTarget(name: "PlanScheduleTests", dependencies: ["PlanSchedule", "PlanCompiler"]),
        .testTarget(name: "PlanAnalysisTests", dependencies: ["PlanAnalysis", "PlanCompiler"]),
        .testTarget(name: "PlanReportsTests", dependencies: ["PlanReports", "PlanCompiler"], exclude: ["Golden"]),
        .testTarget(name: "PlanSiteTests", dependencies: ["PlanSite", "PlanCompiler"]),
        .testTarget(name: "PlanServeTests", dependencies: ["PlanServe", "PlanModel", "PlanSite"]),
        .testTarget(name: "PlancTests", dependencies: ["PlanCompiler"], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
