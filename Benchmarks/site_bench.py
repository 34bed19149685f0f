"""Loads pages of a built planc site in Debian's Chromium through Playwright and prints, per page,
its bytes, DOM node count, load time, first contentful paint and the renderer's memory, next to
the targets of issue 11 item 4 with PASS or FAIL. Called by Benchmarks/site-bench.sh; run it with
the Playwright venv's Python (/var/tmp/check-site-venv/bin/python).

    site_bench.py RUNS PAGE:LABEL:MAX_BYTES:MAX_LOAD_MS:MAX_RENDERER_MB [PAGE:...]

A limit of `-` means no target. Every run starts a new browser, so each load is cold in the
renderer (the file itself is in the page cache after the first run) and the only renderer
processes are the page's.

What is measured, per run:
- load: the navigation timing entry's `loadEventEnd` (milliseconds from navigation start to the
  end of the load event), and `first-contentful-paint` from the paint timing entries;
- DOM nodes: `document.getElementsByTagName("*").length` (elements, SVG ones included) and
  CDP `Performance.getMetrics` `Nodes` (every node, text nodes included);
- renderer memory: one second after the load event, the proportional set size (PSS, from
  /proc/PID/smaps_rollup) of the page's renderer: the largest of the Chromium processes started
  with `--type=renderer` that descend from this script (the others are Chromium's spare renderer
  and the initial blank page, tens of MB; their sum with the page's is printed too). The page
  renderer's resident set (RSS) and the page's JavaScript heap (CDP `JSHeapUsedSize`) are printed
  beside it.
Medians over the runs are printed.
"""

import os
import statistics
import sys
import time

from playwright.sync_api import sync_playwright


def descendants(root):
    """Process ids below `root`, from /proc."""
    parent = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                # The command name may contain spaces and parentheses: split after the last ')'.
                fields = f.read().rsplit(")", 1)[1].split()
            parent[int(name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found = set()
    frontier = [root]
    while frontier:
        current = frontier.pop()
        for pid, ppid in parent.items():
            if ppid == current and pid not in found:
                found.add(pid)
                frontier.append(pid)
    return found


def renderer_memory_kb():
    """[(PSS, RSS)] in KB of each renderer process below this script."""
    found = []
    for pid in descendants(os.getpid()):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"--type=renderer" not in f.read():
                    continue
            pss = rss = 0
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss = int(line.split()[1])
            found.append((pss, rss))
        except OSError:
            continue
    return found


def measure(playwright, path):
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        session = page.context.new_cdp_session(page)
        session.send("Performance.enable")
        page.goto("file://" + os.path.abspath(path), wait_until="load", timeout=120_000)
        timing = page.evaluate("""() => {
            const nav = performance.getEntriesByType("navigation")[0];
            const fcp = performance.getEntriesByName("first-contentful-paint")[0];
            return {load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null,
                    elements: document.getElementsByTagName("*").length};
        }""")
        time.sleep(1.0)
        if timing["fcp"] is None:
            timing["fcp"] = page.evaluate(
                "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null; }")
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        renderers = renderer_memory_kb()
        # The page's renderer is the largest; the others are Chromium's spare renderer and the
        # initial blank page (tens of MB), summed apart.
        pss, rss = max(renderers)
        return {"load": timing["load"], "fcp": timing["fcp"], "elements": timing["elements"],
                "nodes": int(metrics.get("Nodes", 0)), "heap": metrics.get("JSHeapUsedSize", 0) / 1e6,
                "pss": pss / 1024, "rss": rss / 1024, "all": sum(p for p, _ in renderers) / 1024,
                "renderers": len(renderers)}
    finally:
        browser.close()


def verdict(value, limit):
    if limit is None:
        return ""
    return "PASS" if value <= limit else "FAIL"


def main():
    runs = int(sys.argv[1])
    pages = []
    for spec in sys.argv[2:]:
        path, label, max_bytes, max_load, max_mb = spec.rsplit(":", 4)
        limit = lambda text, kind: None if text == "-" else kind(text)
        pages.append((path, label, limit(max_bytes, int), limit(max_load, float), limit(max_mb, float)))
    failures = 0
    with sync_playwright() as playwright:
        for path, label, max_bytes, max_load, max_mb in pages:
            size = os.path.getsize(path)
            results = [measure(playwright, path) for _ in range(runs)]
            median = lambda key: statistics.median(r[key] for r in results if r[key] is not None) \
                if any(r[key] is not None for r in results) else float("nan")
            load, fcp, pss = median("load"), median("fcp"), median("pss")
            print(f"{label}: {path}")
            rows = [
                ("bytes", f"{size:,}", f"< {max_bytes:,}" if max_bytes else "—", verdict(size, max_bytes - 1 if max_bytes else None)),
                ("DOM elements / nodes", f"{int(median('elements')):,} / {int(median('nodes')):,}", "—", ""),
                (f"load event, median of {runs} (ms)", f"{load:,.0f}", f"< {max_load:,.0f}" if max_load else "—", verdict(load, max_load)),
                (f"first contentful paint, median (ms)", f"{fcp:,.0f}", "—", ""),
                ("page renderer PSS, median (MB)", f"{pss:,.0f}", f"< {max_mb:,.0f}" if max_mb else "—", verdict(pss, max_mb)),
                ("page renderer RSS / JS heap used (MB)", f"{median('rss'):,.0f} / {median('heap'):,.1f}", "—", ""),
                ("PSS of all renderer processes (MB)", f"{median('all'):,.0f}", "—", ""),
            ]
            loads = ", ".join("%.0f" % r["load"] for r in results)
            print(f"  runs (load ms): {loads}; renderer processes: {results[0]['renderers']}")
            for name, value, target, result in rows:
                print(f"  {name:<44} {value:>16}  target {target:<10} {result}")
                failures += result == "FAIL"
    print("all targets met" if failures == 0 else f"{failures} target(s) missed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
