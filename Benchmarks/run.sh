#!/usr/bin/env bash
# The planc benchmark suite: planc against TaskJuggler (tj3) and the cmark parse floor on the
# same synthetic projects, from 100 to 10,000 tasks (issue 6).
#
#   Benchmarks/run.sh                  # N = 100 1000 5000 10000 (tj3 at 10,000 alone takes minutes)
#   Benchmarks/run.sh 100 1000         # a quick run
#
# Run from the repository root. For every N it
#   1. generates one seeded project with ../shared/bench/synthetic/gen_plan.py: its TaskJuggler
#      file for tj3, its JSON model converted by Benchmarks/synthetic_to_planc.py into a planc plan
#      repository (the same tasks, efforts, people, dependencies, gaps and milestones);
#   2. times, alternating the tools run by run, `planc check`, `planc build -o DIR` (the full site),
#      `planc gantt --width 200` (all with --today pinned to the project start), `tj3 --silent
#      --no-color -o OUT file.tjp` (a full run with its HTML Gantt report) and `cmark` on all the
#      plan's Markdown bytes (the parse floor), recording wall time and peak resident memory of
#      every run with GNU time;
#   3. compares the scheduled project end of both tools: planc's from `planc export --format json`
#      (projects[0].schedule.finish), tj3's from a CSV task report (id, start, end) added to a
#      copy of the TaskJuggler file (the latest end), with and without TaskJuggler's alternative
#      resources (planc has none, so the copy without them is the same input);
#   4. measures the site: bytes of the pages holding the SVG Gantt chart, per task.
# Medians go to standard output and to Benchmarks/results/latest.md as Markdown tables (paste
# them into docs/performance.md); progress goes to standard error.
#
# Environment:
#   BENCH_RUNS      timed runs of each planc command and of cmark per N (default 5)
#   TJ3_RUNS        timed tj3 runs per N (default 3 below 5,000 tasks, 2 from 5,000 on: a tj3 run
#                   at 10,000 tasks takes about 150 s and 2.7 GB)
#   TJ3_MAX_N       skip tj3 above this many tasks (default: no limit)
#   PLANC_SCRATCH   SwiftPM scratch folder for the release build (default .build)
#   PLANC_BIN       use this planc binary instead of building one
#   BENCH_KEEP=1    keep the generated plans, sites and logs and print where they are
set -euo pipefail

GEN=../shared/bench/synthetic/gen_plan.py
CONVERT=Benchmarks/synthetic_to_planc.py
RESULTS=Benchmarks/results/latest.md
RUNS=${BENCH_RUNS:-5}
SCRATCH=${PLANC_SCRATCH:-.build}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000 10000)

fail() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

[ -f Package.swift ] && [ -f "$CONVERT" ] || fail "run from the planc repository root"
[ -f "$GEN" ] || fail "missing $GEN (the shared benchmark folder must sit beside the repository)"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a positive integer, got '$RUNS'"
[ -z "${TJ3_RUNS:-}" ] || [[ "$TJ3_RUNS" =~ ^[1-9][0-9]*$ ]] || fail "TJ3_RUNS must be a positive integer, got '$TJ3_RUNS'"
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "task counts must be positive integers, got '$n'"
done

# tj3, cmark, hyperfine and GNU time come from Debian packages.
missing=()
command -v tj3 >/dev/null || missing+=(tj3)
command -v cmark >/dev/null || missing+=(cmark)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "${missing[@]}" >&2 \
        || fail "could not install ${missing[*]}"
fi

if [ -n "${PLANC_BIN:-}" ]; then
    PLANC=$PLANC_BIN
else
    say "building planc (release, scratch $SCRATCH)"
    swift build -c release --product planc --scratch-path "$SCRATCH" >&2 || fail "swift build failed"
    PLANC="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/planc"
fi
[ -x "$PLANC" ] || fail "no planc binary at $PLANC"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/planc-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    say "keeping generated plans, sites and logs in $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi
RAW="$WORK/runs.tsv"      # n, tool, run, wall seconds, peak KB, CPU seconds (user + system)
FACTS="$WORK/facts.tsv"   # n, key, value
: >"$RAW"
: >"$FACTS"

# Runs one command, appends its wall time and peak memory to $RAW. The wall clock is bash's
# microsecond EPOCHREALTIME around GNU time (whose %e has only 10 ms resolution); %M is the peak
# resident set in KB; %U + %S the CPU time, which says more than the wall time when other work
# shares the machine. Standard output goes to $out_file, standard error to a log shown on failure.
measure() {
    local n=$1 tool=$2 run=$3 out_file=$4; shift 4
    local log="$WORK/$tool-$n.log" t0 t1 kb user system
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -o "$WORK/time.out" -f '%M %U %S' "$@" >"$out_file" 2>"$log"; then
        tail -20 "$log" >&2
        fail "N=$n: $tool failed: $*"
    fi
    t1=$EPOCHREALTIME
    read -r kb user system < <(tail -1 "$WORK/time.out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" \
        "$(python3 -c 'import sys; print("%.6f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$t1")" \
        "$kb" "$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) + float(sys.argv[2])))' "$user" "$system")" >>"$RAW"
}
fact() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$FACTS"; }

for n in "${SIZES[@]}"; do
    say "N=$n: generating"
    dir="$WORK/n$n"
    mkdir -p "$dir/tj3-out" "$dir/tj3-ends"
    python3 "$GEN" --n "$n" --json "$dir/model.json" >"$dir/project.tjp" 2>"$dir/gen.log" \
        || { cat "$dir/gen.log" >&2; fail "gen_plan.py failed for N=$n"; }
    plan="$dir/plan"
    python3 "$CONVERT" "$dir/model.json" "$plan" 2>/dev/null || fail "conversion failed for N=$n"
    start=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["start"])' "$dir/model.json")
    tasks=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(len(m["tasks"]) + (m["n_wp"] if m["milestones"] else 0))' "$dir/model.json")
    fact "$n" tasks_with_milestones "$tasks"
    fact "$n" start "$start"

    # The same Markdown bytes for cmark: every .md file of the plan, in byte order of the paths.
    all="$dir/all.md"
    (cd "$plan" && find . -name '*.md' -print | LC_ALL=C sort | xargs cat) >"$all"
    fact "$n" md_bytes "$(wc -c <"$all")"
    fact "$n" md_files "$(find "$plan" -name '*.md' | wc -l)"
    fact "$n" tjp_bytes "$(wc -c <"$dir/project.tjp")"

    # Untimed first runs: the numbers only mean something if planc accepts the plan, and they
    # warm the file cache for both tools alike.
    say "N=$n: checking the plan and warming up"
    "$PLANC" check --today "$start" "$plan" >"$dir/check.txt" 2>&1 \
        || { tail -20 "$dir/check.txt" >&2; fail "planc check reported errors on the N=$n plan"; }
    fact "$n" check_diagnostics "$(grep -c ': \(error\|warning\|note\): ' "$dir/check.txt" || true)"
    "$PLANC" build --today "$start" -o "$dir/site" "$plan" >/dev/null 2>"$dir/build.log" \
        || { tail -20 "$dir/build.log" >&2; fail "planc build failed on the N=$n plan"; }
    "$PLANC" gantt --width 200 --today "$start" "$plan" >"$dir/gantt.txt" 2>"$dir/gantt.log" \
        || { tail -20 "$dir/gantt.log" >&2; fail "planc gantt failed on the N=$n plan"; }
    "$PLANC" export --format json --today "$start" "$plan" >"$dir/plan.json" 2>"$dir/export.log" \
        || { tail -20 "$dir/export.log" >&2; fail "planc export failed on the N=$n plan"; }
    cmark "$all" >/dev/null

    tj3_runs=${TJ3_RUNS:-$([ "$n" -ge 5000 ] && echo 2 || echo 3)}
    if [ -n "${TJ3_MAX_N:-}" ] && [ "$n" -gt "$TJ3_MAX_N" ]; then tj3_runs=0; fi
    fact "$n" planc_runs "$RUNS"
    fact "$n" tj3_runs "$tj3_runs"
    total=$(( RUNS > tj3_runs ? RUNS : tj3_runs ))
    for ((run = 1; run <= total; run++)); do
        say "N=$n: run $run of $total"
        if [ "$run" -le "$RUNS" ]; then
            measure "$n" check "$run" /dev/null "$PLANC" check --today "$start" "$plan"
            measure "$n" build "$run" /dev/null "$PLANC" build --today "$start" -o "$dir/site" "$plan"
            measure "$n" gantt "$run" /dev/null "$PLANC" gantt --width 200 --today "$start" "$plan"
            measure "$n" cmark "$run" /dev/null cmark "$all"
        fi
        if [ "$run" -le "$tj3_runs" ]; then
            measure "$n" tj3 "$run" /dev/null tj3 --silent --no-color -o "$dir/tj3-out" "$dir/project.tjp"
        fi
    done

    # The scheduled ends. planc: the project's scheduled finish in the JSON export (the last day
    # of work, inclusive). tj3: the latest end in a CSV task report added to a copy of the
    # project; with `timeformat "%Y-%m-%d"` it is the day the last work ends, inclusive too.
    planc_end=$(python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
print(doc["projects"][0]["schedule"]["finish"])' "$dir/plan.json")
    fact "$n" planc_end "$planc_end"
    if [ "$tj3_runs" -gt 0 ]; then
        # Two untimed tj3 runs with the report: the project as generated, and the same project
        # without TaskJuggler's alternative resources, which planc has no counterpart for (the
        # converter keeps each task's primary resource), so that both tools get the same input.
        sed -E 's/allocate (r[0-9]+) \{ alternative r[0-9]+ \}/allocate \1/' "$dir/project.tjp" >"$dir/project-same.tjp"
        for variant in project project-same; do
            say "N=$n: tj3 on $variant.tjp with a CSV report of task ends (untimed)"
            cp "$dir/$variant.tjp" "$dir/$variant-ends.tjp"
            cat >>"$dir/$variant-ends.tjp" <<'EOF'

taskreport bench_ends "bench-ends" {
  formats csv
  columns id, start, end
  hideresource @all
}
EOF
            rm -rf "$dir/tj3-ends" && mkdir -p "$dir/tj3-ends"
            tj3 --silent --no-color -o "$dir/tj3-ends" "$dir/$variant-ends.tjp" >/dev/null 2>"$dir/tj3-ends.log" \
                || { tail -20 "$dir/tj3-ends.log" >&2; fail "tj3 failed on $variant-ends.tjp for N=$n"; }
            tj3_end=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter=";"))
ends = [row[2] for row in rows[1:] if len(row) >= 3 and row[2]]
if not ends: sys.exit("no task ends in " + sys.argv[1])
print(max(ends))' "$dir/tj3-ends/bench-ends.csv")
            fact "$n" "${variant//-/_}_tj3_end" "$tj3_end"
        done
        fact "$n" alternatives "$(grep -c 'alternative r' "$dir/project.tjp" || true)"
    fi

    # The site: which pages carry the SVG Gantt chart, and their size per task.
    gantt_bytes=0
    gantt_pages=0
    while IFS= read -r page; do
        gantt_pages=$((gantt_pages + 1))
        gantt_bytes=$((gantt_bytes + $(wc -c <"$page")))
    done < <(grep -rl --include='*.html' '<details class="gantt"' "$dir/site" | LC_ALL=C sort)
    [ "$gantt_pages" -gt 0 ] || fail "N=$n: no page in the site holds a Gantt chart"
    fact "$n" gantt_pages "$gantt_pages"
    fact "$n" gantt_page_bytes "$gantt_bytes"
    fact "$n" site_files "$(find "$dir/site" -type f | wc -l)"
    fact "$n" site_bytes "$(find "$dir/site" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
    fact "$n" tj3_html_bytes "$(find "$dir/tj3-out" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
    fact "$n" gantt_text_bytes "$(wc -c <"$dir/gantt.txt")"
    # Generated plans are large; keep only what the report needs unless asked to keep them.
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$dir/site" "$dir/tj3-out" "$dir/tj3-ends" "$dir/plan"
done

load=$(cut -d' ' -f1-3 /proc/loadavg)
machine=$(python3 - <<'EOF'
import os, platform, re
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
mem = ""
try:
    kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    mem = ", %.0f GB RAM" % (kb / 1024 / 1024)
except (OSError, AttributeError):
    pass
osname = platform.system()
try:
    osname = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
except (OSError, AttributeError):
    pass
print("%s, %d cores%s, %s" % (cpu, os.cpu_count() or 0, mem, osname))
EOF
)
# The commit only describes a planc this script built; a given PLANC_BIN may come from anywhere.
if [ -n "${PLANC_BIN:-}" ]; then
    built="binary $PLANC_BIN"
else
    built="$(git rev-parse --short HEAD 2>/dev/null || echo 'no git')$(git diff --quiet HEAD -- Sources 2>/dev/null || echo ', with local changes')"
fi
versions="planc $("$PLANC" --version 2>/dev/null || echo '?') ($built), $(tj3 --version 2>/dev/null | head -1), $(cmark --version | head -1 | sed 's/ - .*//')"

mkdir -p "$(dirname "$RESULTS")"
python3 - "$RAW" "$FACTS" "$machine" "$versions" "$(date -u +%Y-%m-%d)" "${SIZES[*]}" "$load" >"$WORK/latest.md" <<'EOF'
import statistics, sys
raw_path, facts_path, machine, versions, date, sizes, load = sys.argv[1:8]
sizes = [int(s) for s in sizes.split()]
runs = {}
for line in open(raw_path):
    n, tool, _, seconds, kb, cpu = line.rstrip("\n").split("\t")
    runs.setdefault((int(n), tool), []).append((float(seconds), int(kb), float(cpu)))
facts = {}
for line in open(facts_path):
    n, key, value = line.rstrip("\n").split("\t")
    facts[(int(n), key)] = value

def median(n, tool, which):
    values = [r[which] for r in runs.get((n, tool), [])]
    return statistics.median(values) if values else None
def secs(n, tool): return median(n, tool, 0)
def cpu(n, tool): return median(n, tool, 2)
def mb(n, tool):
    kb = median(n, tool, 1)
    return None if kb is None else kb / 1024
def s_text(v): return "–" if v is None else ("%.3f" % v if v < 10 else "%.1f" % v)
def mb_text(v): return "–" if v is None else "%.0f" % v if v >= 100 else "%.1f" % v
def ratio(a, b): return "–" if a is None or b is None or b == 0 else "%.0fx" % (a / b) if a / b >= 10 else "%.1fx" % (a / b)
def fact(n, key): return facts.get((n, key))

out = []
w = out.append
w("Measured %s on %s; %s. Load average at the end: %s." % (date, machine, versions, load))
w("")
w("Median wall time in seconds (peak resident memory in MB). planc commands run with `--today`")
w("pinned to the project start; `build` writes the full site, `gantt` draws 200 columns; tj3 is a")
w("full run with its HTML Gantt report; cmark parses the plan's Markdown (all files concatenated).")
w("")
w("| tasks | runs planc / tj3 | cmark | planc check | planc build | planc gantt | tj3 | tj3 / build | tj3 / check |")
w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    cells = ["%d" % n, "%s / %s" % (fact(n, "planc_runs"), fact(n, "tj3_runs"))]
    for tool in ("cmark", "check", "build", "gantt", "tj3"):
        cells.append("–" if secs(n, tool) is None else "%s (%s)" % (s_text(secs(n, tool)), mb_text(mb(n, tool))))
    cells.append(ratio(secs(n, "tj3"), secs(n, "build")))
    cells.append(ratio(secs(n, "tj3"), secs(n, "check")))
    w("| " + " | ".join(cells) + " |")
w("")
w("Median CPU time (user + system, GNU time, 10 ms resolution): what the run cost the machine, less")
w("sensitive than wall time to other work sharing the two cores.")
w("")
w("| tasks | cmark | planc check | planc build | planc gantt | tj3 | tj3 / build |")
w("|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    w("| %d | %s | %s | %s | %s | %s | %s |" % (n, s_text(cpu(n, "cmark")), s_text(cpu(n, "check")), s_text(cpu(n, "build")),
        s_text(cpu(n, "gantt")), s_text(cpu(n, "tj3")), ratio(cpu(n, "tj3"), cpu(n, "build"))))
w("")
w("Peak memory ratio tj3 / planc build: " + ", ".join(
    "%d: %s" % (n, ratio(mb(n, "tj3"), mb(n, "build"))) for n in sizes) + ".")
w("")
w("Time per task in microseconds (median time / N); flat columns mean linear growth.")
w("")
w("| tasks | Markdown | cmark | planc check | planc build | planc gantt | tj3 | check / cmark |")
w("|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    per = lambda tool: "–" if secs(n, tool) is None else "%.1f" % (secs(n, tool) / n * 1e6)
    w("| %d | %.2f MB | %s | %s | %s | %s | %s | %s |" % (
        n, int(fact(n, "md_bytes")) / 1e6, per("cmark"), per("check"), per("build"), per("gantt"), per("tj3"),
        ratio(secs(n, "check"), secs(n, "cmark"))))
w("")
w("Scheduled project end (last working day, inclusive): planc from `planc export --format json`")
w("(`projects[0].schedule.finish`), tj3 from a CSV task report (latest end), once on the project as")
w("generated and once on the same input planc gets: the tjp without its `alternative` resources.")
w("")
w("| tasks | planc end | tj3 end, same input | planc earlier by (days) | planc no later | tj3 end with alternatives (tasks with one) |")
w("|---:|---|---|---:|---|---|")
import datetime as dt
for n in sizes:
    p, same, alt = fact(n, "planc_end"), fact(n, "project_same_tj3_end"), fact(n, "project_tj3_end")
    if same is None:
        w("| %d | %s | – | – | – | – |" % (n, p)); continue
    days = (dt.date.fromisoformat(same) - dt.date.fromisoformat(p)).days
    w("| %d | %s | %s | %d | %s | %s (%s) |" % (n, p, same, days, "yes" if days >= 0 else "no", alt, fact(n, "alternatives")))
w("")
w("Site size: the pages holding the SVG Gantt chart (`<details class=\"gantt\">`), per leaf task;")
w("the whole site and tj3's HTML output for comparison.")
w("")
w("| tasks | Gantt pages | Gantt page bytes | bytes per task | whole site | site files | tj3 HTML |")
w("|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    pages, size = int(fact(n, "gantt_pages")), int(fact(n, "gantt_page_bytes"))
    w("| %d | %d | %.1f KB | %.0f B | %.1f KB | %s | %.1f KB |" % (
        n, pages, size / 1024, size / n, int(fact(n, "site_bytes")) / 1024, fact(n, "site_files"),
        int(fact(n, "tj3_html_bytes")) / 1024))
w("")
w("Per-task figures divide by the N leaf tasks; with one milestone per work package of 10 tasks the")
w("plans have " + ", ".join("%s" % fact(n, "tasks_with_milestones") for n in sizes) +
  " tasks in all (and the work packages are summary tasks on top).")
print("\n".join(out))
EOF
cp "$WORK/latest.md" "$RESULTS"
echo
cat "$WORK/latest.md"
say "results written to $RESULTS"
