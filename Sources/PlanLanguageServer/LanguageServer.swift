import Foundation
import PlanCompiler
import PlanFrontEnd
import PlanModel
import PlanReports
import PlanSchedule

/// `planc lsp`: a Language Server Protocol 3.17 server. Messages come in through `handle`, replies
/// and notifications leave through `send`; `run` wires both to file descriptors (stdin, stdout).
/// A change to an open buffer marks the workspace stale; it is compiled (buffers over the files on
/// disk, one parse cache for the session, so only changed files are parsed again) and each plan
/// file's diagnostics published when the editor goes quiet, or at once when a request needs the
/// schedule. Changes that arrive while a compile runs are coalesced into the next one, so a burst
/// of keystrokes costs one compile, not one each (docs/editors.md#when-the-plan-is-compiled).
public final class LanguageServer {
    public enum ErrorCode: Int {
        case parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    private let send: ([UInt8]) -> Void
    let today: Day
    /// Where docs/diagnostics.md is published: each diagnostic's `codeDescription` links to its
    /// code's anchor there. Nil: no link (planc does not know where its docs live).
    let docsURL: String?
    var root: String?
    private var initialized = false
    private var shutdownRequested = false
    /// The exit status once `exit` arrived.
    public private(set) var exitStatus: Int32?
    /// Open buffers by path.
    var documents: [String: String] = [:]
    var cache = ParseCache()
    /// The last leveling, reused while edits leave the scheduling network as it was.
    private var leveling = LevelingMemo()
    var compiled: CompiledPlan?
    /// The last diagnostics message sent for each file.
    private var published: [String: [UInt8]] = [:]
    /// The problems without a place last shown with `window/showMessage`.
    private var shownPlaceless: [String] = []
    /// Line tables of the files positions were asked of since the last compile.
    private var lineTables: [String: LineTable] = [:]
    /// A buffer changed since the last compile.
    public private(set) var needsCompile = false
    /// How long the input must stay quiet before a stale workspace is compiled: long enough to
    /// take in the messages an editor sends together (a change and a save, a multi-cursor edit),
    /// short against a keystroke's interval.
    public static let quietMilliseconds: Int32 = 10
    /// The ids of the last compile, for navigation, rename, completion and hover: indexed when
    /// first asked for after a compile, not on every keystroke (a tenth of a 10,000-task compile).
    var symbols: SymbolIndex {
        if let indexed { return indexed }
        let index = compiled.map { SymbolIndex($0.plan) } ?? SymbolIndex()
        indexed = index
        return index
    }
    private var indexed: SymbolIndex?

    public init(today: Day, docsURL: String? = nil, send: @escaping ([UInt8]) -> Void) {
        self.today = today
        self.docsURL = docsURL
        self.send = send
    }

    /// Reads framed messages from `input` until `exit` or the end of input; the exit status
    /// (0 after `shutdown`, 1 otherwise).
    public static func run(today: Day, docsURL: String? = nil, input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let server = LanguageServer(today: today, docsURL: docsURL) { bytes in
            var offset = 0
            bytes.withUnsafeBytes { raw in
                while offset < raw.count {
                    let written = write(output, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { if errno == EINTR { continue }; return }
                    offset += written
                }
            }
        }
        var reader = MessageReader()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while server.exitStatus == nil {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            reader.append(chunk[0..<count])
            while server.exitStatus == nil, let item = reader.next() {
                switch item {
                case .message(let body): server.handle(body)
                case .malformed(let why): server.reply(id: NSNull(), error: .parseError, why)
                }
            }
            // Everything read is handled: compile once the editor has gone quiet.
            if server.needsCompile, server.exitStatus == nil, !inputArrives(on: input, within: quietMilliseconds) {
                server.compileIfNeeded()
            }
        }
        return server.exitStatus ?? (server.shutdownRequested ? 0 : 1)
    }

    /// Whether `input` becomes readable (or closes) within `milliseconds`.
    private static func inputArrives(on input: Int32, within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready != 0
        }
    }

    /// Compiles the workspace and publishes diagnostics when a buffer changed since the last
    /// compile; the run loop calls it when input goes quiet, requests before they read the plan.
    public func compileIfNeeded() {
        guard needsCompile else { return }
        needsCompile = false
        compileAndPublish()
    }

    // MARK: Messages

    /// One message's JSON body.
    public func handle(_ body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)),
              let message = object as? [String: Any] else {
            reply(id: NSNull(), error: .parseError, "the message is not a JSON object")
            return
        }
        guard let method = message["method"] as? String else {
            // A response to a request of ours (we send none), or nonsense.
            if message["id"] == nil { reply(id: NSNull(), error: .invalidRequest, "no method") }
            return
        }
        let params = message["params"] as? [String: Any] ?? [:]
        if let id = message["id"] {
            request(id: id, method: method, params: params)
        } else {
            notification(method: method, params: params)
        }
    }

    private func request(id: Any, method: String, params: [String: Any]) {
        if method == "initialize" {
            initialize(params)
            reply(id: id, result: Self.initializeResult)
            return
        }
        guard initialized else { return reply(id: id, error: .serverNotInitialized, "initialize first") }
        guard !shutdownRequested else { return reply(id: id, error: .invalidRequest, "the server is shutting down") }
        // Every request after a change answers from the plan as it is now, never a stale one.
        compileIfNeeded()
        switch method {
        case "shutdown":
            shutdownRequested = true
            reply(id: id, result: NSNull())
        case "textDocument/inlayHint":
            reply(id: id, result: inlayHints(params))
        case "textDocument/hover":
            reply(id: id, result: tokenHover(params) ?? hover(params))
        case "textDocument/codeAction":
            reply(id: id, result: codeActions(params))
        case "textDocument/formatting":
            reply(id: id, result: formatting(params))
        case "textDocument/rangeFormatting":
            reply(id: id, result: rangeFormatting(params))
        case "textDocument/definition":
            reply(id: id, result: definition(params))
        case "textDocument/references":
            reply(id: id, result: references(params))
        case "textDocument/documentSymbol":
            reply(id: id, result: documentSymbols(params))
        case "workspace/symbol":
            reply(id: id, result: workspaceSymbols(params))
        case "textDocument/prepareRename":
            respond(id, prepareRename(params))
        case "textDocument/rename":
            respond(id, rename(params))
        case "textDocument/completion":
            reply(id: id, result: completion(params))
        default:
            reply(id: id, error: .methodNotFound, "unknown method '\(method)'")
        }
    }

    private func notification(method: String, params: [String: Any]) {
        if method == "exit" {
            exitStatus = shutdownRequested ? 0 : 1
            return
        }
        guard initialized, !shutdownRequested else { return }
        let document = params["textDocument"] as? [String: Any]
        let path = (document?["uri"] as? String).flatMap(Self.path(uri:))
        if let path { lineTables[path] = nil }
        switch method {
        case "textDocument/didOpen":
            guard let path, let text = document?["text"] as? String else { return }
            documents[path] = text
            needsCompile = true
        case "textDocument/didChange":
            guard let path, let changes = params["contentChanges"] as? [[String: Any]],
                  let text = changes.last?["text"] as? String else { return }
            documents[path] = text
            needsCompile = true
        case "textDocument/didSave":
            if let path, let text = params["text"] as? String { documents[path] = text }
            needsCompile = true
        case "textDocument/didClose":
            guard let path else { return }
            documents[path] = nil
            needsCompile = true
        default:
            break // `initialized`, `$/cancelRequest`, `$/setTrace` and the rest need nothing.
        }
    }

    static var initializeResult: [String: Any] { [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": true]] as [String: Any],
            "inlayHintProvider": true,
            "hoverProvider": true,
            "codeActionProvider": ["codeActionKinds": [CodeActionKind.quickFix, CodeActionKind.taskEdit]],
            "documentFormattingProvider": true,
            "documentRangeFormattingProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "workspaceSymbolProvider": true,
            "renameProvider": ["prepareProvider": true],
            "completionProvider": ["triggerCharacters": ["@", ":", ","]],
        ] as [String: Any],
        "serverInfo": ["name": "planc", "version": "0.1.0"],
    ] }

    private func initialize(_ params: [String: Any]) {
        initialized = true
        if let uri = params["rootUri"] as? String, let path = Self.path(uri: uri) {
            root = path
        } else if let folders = params["workspaceFolders"] as? [[String: Any]],
                  let uri = folders.first?["uri"] as? String, let path = Self.path(uri: uri) {
            root = path
        } else if let path = params["rootPath"] as? String {
            root = path
        }
        if let current = root, current.count > 1, current.hasSuffix("/") { root = String(current.dropLast()) }
    }

    func reply(id: Any, result: Any) {
        send(MessageWriter.frame(["jsonrpc": "2.0", "id": id, "result": result]))
    }

    func reply(id: Any, error code: ErrorCode, _ message: String) {
        send(MessageWriter.frame(["jsonrpc": "2.0", "id": id,
                                  "error": ["code": code.rawValue, "message": message] as [String: Any]]))
    }

    private func notify(_ method: String, _ params: [String: Any]) {
        send(MessageWriter.frame(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    // MARK: Compiling

    /// The files on disk under the root, with open buffers in their place.
    func load() -> Loader.Result? {
        guard let root else { return nil }
        var loaded = Loader.load(path: root)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let overlaid = documents.filter { path, _ in
            path.hasPrefix(prefix) && PlanFiles.isCandidate(fileName: (path as NSString).lastPathComponent)
        }
        guard !overlaid.isEmpty else { return loaded }
        loaded.files.removeAll { overlaid[$0.path] != nil }
        loaded.diagnostics.removeAll { $0.range.map { overlaid[$0.file] != nil } ?? false }
        loaded.rootUnreadable = false
        for (path, text) in overlaid { Loader.accept(Array(text.utf8), path: path, into: &loaded) }
        loaded.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return loaded
    }

    private func compileAndPublish() {
        guard let root, let loaded = load() else { return }
        let compiled = Pipeline.compile(loaded, root: root, CompileOptions(path: root, today: today),
                                        through: .schedule, cache: &cache, leveling: &leveling)
        self.compiled = compiled
        lineTables = [:]
        indexed = nil
        var byFile: [String: [[String: Any]]] = [:]
        for file in loaded.files { byFile[file.path] = [] }
        // Files told about before and gone now get their empty list once.
        for path in published.keys { byFile[path] = byFile[path] ?? [] }
        var placeless: [String] = []
        for diagnostic in compiled.diagnostics {
            guard let range = diagnostic.range else {
                if diagnostic.severity != .note { placeless.append(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? "")) }
                continue
            }
            byFile[range.file, default: []].append(lspDiagnostic(diagnostic, range))
        }
        // Only what changed is sent: an editor redraws every file it is told about.
        for (path, diagnostics) in byFile.sorted(by: { $0.key < $1.key }) {
            let message = MessageWriter.frame(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                                               "params": ["uri": Self.uri(path: path), "diagnostics": diagnostics] as [String: Any]])
            guard published[path] != message else { continue }
            published[path] = message
            send(message)
        }
        // A problem with no place in any file (no plan in the folder, an unreadable folder) has
        // no squiggle to show: the editor shows it as a message, once, until it changes.
        if placeless != shownPlaceless {
            shownPlaceless = placeless
            if !placeless.isEmpty {
                notify("window/showMessage", ["type": compiled.hasErrors ? 1 : 2, "message": "planc: " + placeless.joined(separator: "; ")])
            }
        }
    }

    func lines(of path: String) -> LineTable {
        if let table = lineTables[path] { return table }
        let table = LineTable(documents[path] ?? compiled?.sources[path] ?? "")
        lineTables[path] = table
        return table
    }

    func lspRange(_ range: SourceRange) -> [String: Any] {
        let table = lines(of: range.file)
        let start = table.position(line: range.start.line, column: range.start.column)
        let end = table.position(line: range.end.line, column: range.end.column)
        return ["start": ["line": start.line, "character": start.character],
                "end": ["line": end.line, "character": end.character]]
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, _ range: SourceRange) -> [String: Any] {
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\n" + hint }
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .note: severity = 3
        }
        var result: [String: Any] = ["range": lspRange(range), "severity": severity, "code": diagnostic.code.rawValue,
                                     "source": "planc", "message": message]
        let related: [[String: Any]] = diagnostic.notes.compactMap { note in
            guard let place = note.range else { return nil }
            return ["location": ["uri": Self.uri(path: place.file), "range": lspRange(place)] as [String: Any],
                    "message": note.message]
        }
        if !related.isEmpty { result["relatedInformation"] = related }
        if let docsURL { result["codeDescription"] = ["href": docsURL + "#" + diagnostic.code.rawValue.lowercased()] }
        // The fix-its as LSP edits, so `textDocument/codeAction` turns them into quick fixes.
        if !diagnostic.fixIts.isEmpty { result["data"] = ["fixIts": diagnostic.fixIts.map(lspFixIt)] }
        return result
    }

    // MARK: Inlay hints and hover

    /// The indices of tasks written in `path`, with their 0-based lines.
    func tasks(in path: String) -> [(index: Int, line: Int)] {
        guard let compiled else { return [] }
        return compiled.plan.tasks.indices.compactMap { index in
            let range = compiled.plan.tasks[index].range
            return range.file == path ? (index, range.start.line - 1) : nil
        }
    }

    private func inlayHints(_ params: [String: Any]) -> Any {
        guard let path = ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(Self.path(uri:)),
              let schedule = compiled?.schedule else { return [Any]() }
        let range = params["range"] as? [String: Any]
        let first = ((range?["start"] as? [String: Any])?["line"] as? Int) ?? 0
        let last = ((range?["end"] as? [String: Any])?["line"] as? Int) ?? Int.max
        let table = lines(of: path)
        var hints: [[String: Any]] = []
        for (index, line) in tasks(in: path) where line >= first && line <= last && index < schedule.tasks.count {
            hints.append(["position": ["line": line, "character": table.length(ofLine: line)],
                          "label": Self.hintLabel(schedule.tasks[index]), "paddingLeft": false])
        }
        return hints
    }

    static func hintLabel(_ task: TaskSchedule) -> String {
        var label = " \(task.start.iso) → \(task.finish.iso)"
        if task.isLate { label += " late" }
        if task.isCritical { label += " critical" }
        return label
    }

    private func hover(_ params: [String: Any]) -> Any {
        guard let path = ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(Self.path(uri:)),
              let line = (params["position"] as? [String: Any])?["line"] as? Int,
              let compiled, let schedule = compiled.schedule,
              let index = tasks(in: path).first(where: { $0.line == line })?.index,
              index < schedule.tasks.count else { return NSNull() }
        let task = compiled.plan.tasks[index]
        let dates = schedule.tasks[index]
        var text = "**\(task.title)** (\(task.state.rawValue))\n\n\(dates.start.iso) → \(dates.finish.iso), slack \(dates.totalSlack) days"
        if dates.isCritical { text += ", critical" }
        if dates.isLate { text += ", late" }
        if let why = DateExplanationText(plan: compiled.plan, schedule: schedule).sentence(index) {
            text += "\n\n" + why.prefix(1).uppercased() + why.dropFirst()
        }
        return ["contents": ["kind": "markdown", "value": text], "range": lspRange(task.range)] as [String: Any]
    }

    // MARK: URIs

    static func path(uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
