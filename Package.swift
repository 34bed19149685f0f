// swift-tools-version: 6.0
import PackageDescription

// planc is laid out as a compiler: one list of phases (PlanCompiler/Pipeline.swift), values flow one way.
//   load -> parse -> lower -> check      PlanFrontEnd (over PlanMarkdown, the cmark wrapper)
//   schedule                             PlanSchedule
//   analyze                              PlanAnalysis
//   publish                              PlanCompiler/Publish.swift, over PlanSite (HTML) and PlanReports (plan.json)
// PlanReports also renders the terminal reports and exports from the analysed plan (the SQLite one as
// data, which PlanSQLite, the wrapper around libsqlite3, writes). PlanCompiler runs
// the phases (`Pipeline`) and writes diagnostics; PlanEdit edits plan files from the command line; PlanImport writes plan files from MS Project XML; PlanServe serves what publish wrote; `planc` only
// wires arguments to them. Every target declares exactly the modules it imports.
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
        // SQLite, found through pkg-config. Only PlanSQLite imports it.
        .systemLibrary(
            name: "Csqlite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The one wrapper around SQLite: a database as Swift values in, a file out (`planc export --format sqlite`).
        .target(name: "PlanSQLite", dependencies: ["Csqlite3"]),
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
        // Terminal output (gantt, status, tasks) and exports (json, csv, ics, mermaid, tjp, sqlite).
        .target(name: "PlanReports", dependencies: ["PlanModel", "PlanAnalysis", "PlanSQLite"]),
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
        // The pipeline of named phases (with publish, the site build), diagnostic writers, the plan's repository.
        .target(
            name: "PlanCompiler",
            dependencies: ["PlanModel", "PlanFrontEnd", "PlanSchedule", "PlanAnalysis", "PlanReports", "PlanSite"]
        ),
        // `planc done`, `progress`, `set`, `unset`, `journal add`: edits of one entry's bytes, checked
        // by compiling the edited plan before the file is replaced atomically (docs/editing.md).
        .target(name: "PlanEdit", dependencies: ["PlanModel", "PlanFrontEnd", "PlanCompiler"]),
        // `planc import`: MS Project XML (MSPDI) read into values, then written as plan files (docs/import.md).
        .target(name: "PlanImport", dependencies: ["PlanModel", "PlanFrontEnd"]),
        // `planc serve`: a loopback HTTP server over what the pipeline published, rebuilt on change.
        .target(
            name: "PlanServe",
            dependencies: ["PlanCompiler", "PlanFrontEnd", "PlanSchedule", "PlanSite"]
        ),
        // `planc lsp`: a Language Server Protocol server over stdio (docs/editors.md).
        .target(name: "PlanLanguageServer", dependencies: ["PlanCompiler", "PlanEdit", "PlanFrontEnd", "PlanModel", "PlanReports", "PlanSchedule"]),
        .executableTarget(
            name: "planc",
            dependencies: [
                "PlanCompiler", "PlanServe", "PlanLanguageServer", "PlanModel", "PlanReports", "PlanFrontEnd", "PlanEdit", "PlanSQLite", "PlanImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // PSPLIB scheduling-quality benchmark: `swift run -c release psplib-bench DIR [TABLE]`.
        .executableTarget(name: "psplib-bench", dependencies: ["PlanSchedule", "PlanModel"]),
        // The fuzz target: the whole pipeline on one input. A plain build makes a reproducer;
        // `Fuzz/run.sh SECONDS` builds it with libFuzzer and AddressSanitizer and fuzzes.
        .executableTarget(name: "plan-fuzz", dependencies: ["PlanCompiler", "PlanSite", "PlanModel"]),
        // What the test targets share, and only they use: the plan fixture builder, the runner of
        // the built binaries, golden files and temporary folders.
        .target(name: "PlanTestSupport", dependencies: ["PlanModel", "PlanSchedule"], path: "Tests/PlanTestSupport"),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
        .testTarget(name: "PlanMarkdownTests", dependencies: ["PlanMarkdown"]),
        .testTarget(name: "PlanFrontEndTests", dependencies: ["PlanFrontEnd", "PlanMarkdown", "PlanModel", "PlanTestSupport"], resources: [.copy("Corpus")]),
        .testTarget(name: "PlanScheduleTests", dependencies: ["PlanSchedule", "PlanModel", "PlanTestSupport"]),
        .testTarget(name: "PlanAnalysisTests", dependencies: ["PlanAnalysis", "PlanModel", "PlanTestSupport"]),
        .testTarget(name: "PlanReportsTests", dependencies: ["PlanReports", "PlanAnalysis", "PlanCompiler", "PlanModel", "PlanSQLite", "PlanTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PlanSiteTests", dependencies: ["PlanSite", "PlanAnalysis", "PlanCompiler", "PlanModel", "PlanReports", "PlanTestSupport"]),
        // The pipeline's phases, publishing, and plans compiled from Markdown through every phase.
        .testTarget(name: "PlanCompilerTests", dependencies: ["PlanCompiler", "PlanModel", "PlanSite", "PlanTestSupport"]),
        // Edits on in-memory files, byte for byte, over every entry of the examples; the atomic write.
        .testTarget(name: "PlanEditTests", dependencies: ["PlanEdit", "PlanFrontEnd", "PlanModel", "PlanTestSupport"]),
        // MSPDI read and mapped on small hand-written files, files MPXJ wrote (Fixtures, made by
        // .ci/make-mspdi-fixtures), and the examples' export imported back to the same schedule.
        .testTarget(name: "PlanImportTests", dependencies: ["PlanImport", "PlanCompiler", "PlanReports", "PlanModel", "PlanTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PlanLanguageServerTests", dependencies: ["PlanLanguageServer", "PlanModel", "PlanEdit", "PlanCompiler"]),
        .testTarget(name: "PlanServeTests", dependencies: ["PlanServe", "PlanCompiler", "PlanModel", "PlanTestSupport"]),
        // Runs the built `planc` and `plan-fuzz` binaries (beside the test bundle; `swift test`
        // builds every product first).
        .testTarget(name: "PlancTests", dependencies: ["PlanTestSupport"], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
