import ArgumentParser
import Foundation
import PlanServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the status site, serve it on 127.0.0.1 and rebuild it when a plan file changes.",
        discussion: """
            Open pages reload by themselves after each rebuild. While the plan has errors, every page \
            shows them instead. Only files inside the site folder are ever served, only to the host \
            names localhost, 127.0.0.1 and [::1]; requests must be under 32 KB and arrive within 10 s.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var site: SiteOutputOptions

    @Option(help: "The port to listen on (127.0.0.1 only).")
    var port: UInt16 = 8000

    func run() async throws {
        let server = SiteServer(request: site.request(plan, liveReload: true), port: port) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        try await server.run()
    }
}
