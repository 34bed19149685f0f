import FlyingFox
import Foundation
import PlanModel
import PlanCompiler
import PlanSite

/// `planc serve`: builds the site, serves it on 127.0.0.1, rebuilds when a plan file changes
/// and tells open pages to reload through `/__planc/version`.
public actor SiteServer {
    public let request: SiteBuildRequest
    public let port: UInt16
    /// Bumped after every build; the pages' reload script polls it.
    private(set) var version = 0
    /// While the plan has errors: the page that shows them, served in place of every page.
    private var errorPage: [UInt8]?
    /// Parses of the plan files, so a rebuild re-parses only the file that was saved.
    private var parseCache = ParseCache()
    private let log: @Sendable (String) -> Void

    public init(request: SiteBuildRequest, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        var request = request
        request.liveReload = true
        self.request = request
        self.port = port
        self.log = log
    }

    /// Builds once, then serves until cancelled.
    public func run() async throws {
        rebuild()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("GET /__planc/version") { [weak self] _ in
            let version = await self?.version ?? 0
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                                body: Data("\(version)".utf8))
        }
        let handler = SiteFileHandler(root: request.output, server: self)
        await server.appendRoute("GET *", to: handler)
        await server.appendRoute("HEAD *", to: handler)
        let watcher = PlanWatcher(root: request.planRoot, output: SiteWriter.canonical(request.output),
                                  themeFolder: request.themeFolder)
        let watch = _Concurrency.Task { [weak self] in
            var last = watcher.fingerprint()
            while !_Concurrency.Task.isCancelled {
                try? await _Concurrency.Task.sleep(nanoseconds: 300_000_000)
                let now = watcher.fingerprint()
                if now != last {
                    last = now
                    await self?.rebuild()
                }
            }
        }
        defer { watch.cancel() }
        log("Serving \(request.planPath) on http://127.0.0.1:\(port)/ — edit a plan file and the page reloads; Ctrl-C stops")
        try await server.run()
    }

    /// Rebuilds the site; on plan errors keeps the last good files on disk and shows the errors.
    func rebuild() {
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            let outcome = try SiteBuild.run(request, cache: &parseCache)
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            if outcome.wroteSite {
                errorPage = nil
                log("Built \(outcome.files.count) files in \(milliseconds) ms (\(parseCache.parsedLastTime) plan files parsed, \(outcome.diagnostics.count) diagnostics)")
            } else {
                let files = try DiagnosticsPage.build(diagnostics: outcome.diagnostics, theme: SiteBuild.theme(folder: request.themeFolder),
                                                      options: request.siteOptions)
                errorPage = files.first?.contents
                log("The plan has errors: showing them in the page")
            }
        } catch {
            errorPage = Array(Self.failurePage("\(error)").utf8)
            log("Build failed: \(error)")
        }
        version += 1
    }

    func currentErrorPage() -> [UInt8]? { errorPage }

    /// A page for failures outside the plan (theme, output folder), with the reload script.
    static func failurePage(_ message: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>planc serve: build failed</title></head>
        <body><h1>The site could not be built</h1><p>\(HTML.escape(message))</p>
        <script>(()=>{let v=null;const poll=async()=>{try{const r=await fetch("/__planc/version",{cache:"no-store"});const t=await r.text();if(v!==null&&t!==v)location.reload();v=t}catch(e){}setTimeout(poll,400)};poll()})()</script>
        </body></html>
        """
    }
}

/// Serves files of the site folder, resolved by `SitePath` only.
struct SiteFileHandler: HTTPHandler {
    let root: String
    let server: SiteServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let rawPath = request.target.path(percentEncoded: true)
        if let page = await server.currentErrorPage(), rawPath.hasSuffix("/") || rawPath.hasSuffix(".html") {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(page))
        }
        guard let file = SitePath.resolve(rawPath, root: root), let data = FileManager.default.contents(atPath: file) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("Not found\n".utf8))
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: SitePath.contentType(for: file), .cacheControl: "no-store"],
                            body: data)
    }
}
