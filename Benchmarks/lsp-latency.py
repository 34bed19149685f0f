#!/usr/bin/env python3
"""How long an editor waits for `planc lsp` after a keystroke: from sending `textDocument/didChange`
(with a `textDocument/inlayHint` request right behind it, as editors ask for the hints of what
they show) to the changed file's `textDocument/publishDiagnostics`, and to the inlay hints.

Usage: lsp-latency.py PLANC PLAN_FOLDER FILE_IN_FOLDER [--today YYYY-MM-DD] [--runs N]

Three kinds of keystroke, on the first task line of the file, each undone by the next run:
  title     a character typed in the title: no diagnostic changes, so none is sent; hints only;
  key       a character typed into a new unknown attribute (`zz:1` then `zzz:1`): the file's
            warning changes, so its diagnostics are sent (the scheduling network is unchanged);
  duration  the task's length changed (`2d` <-> `3d`): everything is scheduled and leveled again
            (diagnostics are sent only if they change).
Prints the median and 90th percentile in milliseconds after two warm-up runs of each. Needs
only the Python standard library; docs/performance.md gives the numbers and the command.
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
    path = (folder / options.file).resolve()
    uri = path.as_uri()
    text = path.read_text()
    # The first open task with a length in days: "- [ ] Title — ... 2d ..."
    match = re.search(r"^(\s*- \[ \] [^\n—]*?)( —[^\n]*? )(\d+)d( [^\n]*|)$", text, re.M)
    if not match:
        raise SystemExit(f"lsp-latency: no open task with a length in days in {path}")
    title_end, days_at, days = match.end(1), match.start(3), int(match.group(3))
    line_end = match.end(0)
    lines = text.count("\n") + 1
    whole_file = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}

    def edited(kind, odd):
        if kind == "title":
            return text[:title_end] + ("x" if odd else "") + text[title_end:]
        if kind == "key":
            return text[:line_end] + (" zzz:1" if odd else " zz:1") + text[line_end:]
        return text[:days_at] + str(days + 1 if odd else days) + text[days_at + len(str(days)):]

    server = Server(options.planc, options.today)
    server.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {}})
    server.receive()
    server.notify("initialized", {})
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                            "version": 1, "text": text}})
    version = 1

    def keystroke(new_text):
        """The waits for the file's diagnostics (None when none were sent) and for the hints."""
        nonlocal version
        version += 1
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": new_text}]})
        hint = server.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": whole_file})
        published = None
        while True:
            message = server.receive()
            now = time.perf_counter()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                published = (now - started) * 1000
            if message.get("id") == hint:
                if not message.get("result"):
                    raise SystemExit(f"lsp-latency: no inlay hints for {path.name}: {message}")
                return published, (now - started) * 1000

    # The first compile reads and parses every file; the editor has not typed yet.
    keystroke(text)

    def summary(values):
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
        return f"median {statistics.median(values):7.1f} ms   p90 {p90:7.1f} ms"

    print(f"{path.name} in {folder.name}, {options.runs} keystrokes of each kind")
    for kind in ("title", "key", "duration"):
        runs = [keystroke(edited(kind, n % 2 == 0)) for n in range(options.runs + 2)][2:]
        keystroke(text)
        published = [p for p, _ in runs if p is not None]
        if kind == "key" and len(published) != len(runs):
            raise SystemExit(f"lsp-latency: a '{kind}' keystroke changed the diagnostics but none were sent")
        if published:
            print(f"  {kind:8}  didChange -> publishDiagnostics  {summary(published)}")
        print(f"  {kind:8}  didChange -> inlay hints         {summary([h for _, h in runs])}")

    server.request("shutdown", None)
    server.notify("exit", None)
    server.process.wait(timeout=10)


if __name__ == "__main__":
    main()
