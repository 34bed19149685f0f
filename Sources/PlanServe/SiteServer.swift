import Foundation
import PlanCompiler
import PlanFrontEnd
import PlanSchedule
import PlanSite

/// `planc serve`: builds the site, serves it on 127.0.0.1, rebuilds when a plan file changes
/// and tells open pages to reload through `/__planc/version`.
public final class SiteServer: @unchecked Sendable {
    public let request: PublishRequest
    public let port: UInt16
    public let limits: LoopbackHTTPServer.Limits
    /// Guards `version` and `errorPage`, which connection threads read while the watcher rebuilds.
    private let lock = NSLock()
    /// Bumped after every build; the pages' reload script polls it.
    private var version = 0
    /// While the plan has errors: the page that shows them, served in place of every page.
    private var errorPage: [UInt8]?
    /// Parses of the plan files, so a rebuild re-parses only the file that was saved (used by
    /// `rebuild` alone).
    private var parseCache = ParseCache()
    /// The last leveling, reused while edits leave the scheduling network as it was.
    private var leveling = LevelingMemo()
    private let log: @Sendable (String) -> Void

    public init(request: PublishRequest, port: UInt16, limits: LoopbackHTTPServer.Limits = .init(),
                log: @escaping @Sendable (String) -> Void) {
        var request = request
        request.liveReload = true
        self.request = request
        self.port = port
        self.limits = limits
        self.log = log
    }

    /// Builds once, then serves until cancelled.
    public func run() async throws {
        rebuild()
        let server = try LoopbackHTTPServer(port: port, limits: limits) { [self] (head: HTTPRequestHead) in respond(to: head) }
        defer { server.stop() }
        log("Serving \(request.planPath) on http://127.0.0.1:\(server.port)/ — edit a plan file and the page reloads; Ctrl-C stops")
        let watcher = PlanWatcher(root: request.planRoot, output: SiteWriter.canonical(request.output),
                                  themeFolder: request.themeFolder)
        var last = watcher.fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 300_000_000)
            let now = watcher.fingerprint()
            if now != last {
                last = now
                rebuild()
            }
        }
    }

    /// The answer to one GET or HEAD that passed the server's checks.
    func respond(to head: HTTPRequestHead) -> LoopbackHTTPServer.Response {
        let rawPath = String(head.target.prefix { $0 != "?" && $0 != "#" })
        let noStore = ("Cache-Control", "no-store")
        lock.lock()
        let (currentVersion, page) = (version, errorPage)
        lock.unlock()
        if rawPath == "/__planc/version" {
            return .init(status: 200, headers: [("Content-Type", "text/plain"), noStore], body: Array("\(currentVersion)".utf8))
        }
        if let page, rawPath.hasSuffix("/") || rawPath.hasSuffix(".html") {
            return .init(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"), noStore], body: page)
        }
        guard let file = SitePath.resolve(rawPath, root: request.output), let data = FileManager.default.contents(atPath: file) else {
            return .init(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("Not found\n".utf8))
        }
        return .init(status: 200, headers: [("Content-Type", SitePath.contentType(for: file)), noStore], body: Array(data))
    }

    /// Rebuilds the site; on plan errors keeps the last good files on disk and shows the errors.
    /// Called only from `run`, one rebuild at a time; requests keep being answered meanwhile.
    func rebuild() {
        var page: [UInt8]?
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            let reusedBefore = leveling.reused
            let outcome = try Pipeline.build(request, cache: &parseCache, leveling: &leveling)
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            if outcome.wroteSite {
                let leveled = leveling.reused > reusedBefore ? ", leveling reused" : ""
                log("Built \(outcome.files.count) files in \(milliseconds) ms (\(parseCache.parsedLastTime) plan files parsed\(leveled), \(outcome.diagnostics.count) diagnostics)")
            } else {
                page = try Publish.diagnosticsPage(outcome.diagnostics, request)?.contents
                log("The plan has errors: showing them in the page")
            }
        } catch {
            page = Array(Self.failurePage("\(error)").utf8)
            log("Build failed: \(error)")
        }
        lock.lock()
        errorPage = page
        version += 1
        lock.unlock()
    }

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
