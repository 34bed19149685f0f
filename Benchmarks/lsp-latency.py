#!/usr/bin/env python3
"""How long an editor waits for `planc lsp` after a keystroke: from sending `textDocument/didChange`
to receiving the changed file's `textDocument/publishDiagnostics`, and to the answer of the
`textDocument/inlayHint` request sent right behind the change (the dates shown beside each task).

Usage: lsp-latency.py PLANC PLAN_FOLDER FILE_IN_FOLDER [--today YYYY-MM-DD] [--runs N]

Two series: the change alone (diagnostics arrive after the server's quiet period), and the change
with an inlay hint request right behind it (the request compiles at once). Each run edits the open file the way typing does: one character more (then one fewer) at the end
of the title of the file's first task, so every run asks for a real recompile. Prints the median
and the 90th percentile of both waits in milliseconds, after two warm-up edits. Needs only the
Python standard library; docs/performance.md gives the numbers and the command.
"""
import argparse
import json
import os
import pathlib
import re
import statistics
import subprocess
import time


class Server:
    def __init__(self, planc, today):
        self.process = subprocess.Popen([planc, "lsp", "--today", today],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(jsonrpc="2.0", **message)).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("lsp-latency: the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("planc")
    parser.add_argument("folder")
    parser.add_argument("file")
    parser.add_argument("--today", default="2026-09-15")
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()

    folder = pathlib.Path(options.folder).resolve()
    path = (folder / options.file).resolve() if not os.path.isabs(options.file) else pathlib.Path(options.file)
    uri = path.as_uri()
    text = path.read_text()
    match = re.search(r"^\s*- \[[ xX]\] [^\n—]*?(?= —)", text, re.M)
    if not match:
        raise SystemExit(f"lsp-latency: no task line in {path}")
    at = match.end()

    server = Server(options.planc, options.today)
    server.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {}})
    server.receive()
    server.notify("initialized", {})
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                            "version": 1, "text": text}})
    # The first compile reads and parses every file; the editor has not typed yet.
    hint = server.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": {
        "start": {"line": 0, "character": 0}, "end": {"line": text.count("\n") + 1, "character": 0}}})
    while server.receive().get("id") != hint:
        pass

    line_count = text.count("\n") + 1
    whole_file = {"start": {"line": 0, "character": 0}, "end": {"line": line_count, "character": 0}}
    version = 1

    def edit(ask_for_hints):
        """One keystroke; the waits for diagnostics and (when asked for) inlay hints, in ms."""
        nonlocal version
        version += 1
        edited = text[:at] + ("x" if version % 2 == 0 else "") + text[at:]
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": edited}]})
        hint = server.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": whole_file}) \
            if ask_for_hints else None
        published = answered = None
        while published is None or (hint is not None and answered is None):
            message = server.receive()
            now = time.perf_counter()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                published = now
            if hint is not None and message.get("id") == hint:
                answered = now
        return (published - started) * 1000, (answered - started) * 1000 if answered else None

    # Typing: the change alone; diagnostics come once the input has been quiet for the server's
    # quiet period (LanguageServer.quietMilliseconds), which this wait includes.
    quiet = [edit(False)[0] for _ in range(options.runs + 2)][2:]
    # An editor that asks for inlay hints right behind the change: the request compiles at once.
    asked = [edit(True) for _ in range(options.runs + 2)][2:]

    server.request("shutdown", None)
    server.notify("exit", None)
    server.process.wait(timeout=10)

    def summary(values):
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
        return f"median {statistics.median(values):7.1f} ms   p90 {p90:7.1f} ms"

    print(f"{path.name} in {folder.name}, {options.runs} edits")
    print(f"  didChange alone -> publishDiagnostics          {summary(quiet)}")
    print(f"  didChange + inlayHint -> publishDiagnostics    {summary([a for a, _ in asked])}")
    print(f"  didChange + inlayHint -> inlay hints answered  {summary([b for _, b in asked])}")


if __name__ == "__main__":
    main()
