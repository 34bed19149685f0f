#!/usr/bin/env bash
# The site in a browser at 10,000 tasks (issue 11 item 4, "Large plans"): builds the status site
# of the synthetic 10,000-task plan and loads its project page and task page in Debian's Chromium
# through Playwright, printing per page its bytes, DOM node count, load time (median of
# BENCH_RUNS runs, navigation start to the end of the load event), first contentful paint and the
# page renderer's memory, with the targets and PASS or FAIL beside them. What each number
# measures is written in Benchmarks/site_bench.py. It prints numbers; it is not a test.
#
#   Benchmarks/site-bench.sh                 # N = 10000
#   Benchmarks/site-bench.sh 1000            # another size (the targets stay those of 10,000)
#   SITE_BENCH_PLAN=/tmp/bench10k/plan Benchmarks/site-bench.sh   # an already converted plan
#
# Run from the repository root. Like Benchmarks/run.sh it generates the plan with
# ../shared/bench/synthetic/gen_plan.py and converts it with Benchmarks/synthetic_to_planc.py,
# builds planc in release mode unless PLANC_BIN names a binary, and pins --today to the
# project's start.
#
# Environment:
#   BENCH_RUNS        page loads per page (default 5), each in a new browser
#   PLANC_SCRATCH     SwiftPM scratch folder for the release build (default .build)
#   PLANC_BIN         use this planc binary instead of building one (the pages are the same bytes
#                     from a debug build; only the build time differs)
#   SITE_BENCH_PLAN   use this plan folder instead of generating one
#   SITE_BENCH_PYTHON Python with Playwright (default /var/tmp/check-site-venv/bin/python)
#   BENCH_KEEP=1      keep the generated plan and site and print where they are
set -euo pipefail

GEN=../shared/bench/synthetic/gen_plan.py
CONVERT=Benchmarks/synthetic_to_planc.py
MEASURE=Benchmarks/site_bench.py
RUNS=${BENCH_RUNS:-5}
SCRATCH=${PLANC_SCRATCH:-.build}
PYTHON=${SITE_BENCH_PYTHON:-/var/tmp/check-site-venv/bin/python}
N=${1:-10000}

# The targets at 10,000 tasks.
PROJECT_MAX_BYTES=1000000
PROJECT_MAX_LOAD_MS=1500
TASKS_MAX_LOAD_MS=2000
TASKS_MAX_RENDERER_MB=300

fail() { echo "site-bench.sh: $*" >&2; exit 1; }
say() { echo "[site-bench $(date +%H:%M:%S)] $*" >&2; }

[ -f Package.swift ] && [ -f "$CONVERT" ] && [ -f "$MEASURE" ] || fail "run from the planc repository root"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a positive integer, got '$RUNS'"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || fail "the task count must be a positive integer, got '$N'"
[ -x "$PYTHON" ] || fail "no Python with Playwright at $PYTHON (set SITE_BENCH_PYTHON)"
[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium (Debian package chromium)"

if [ -n "${PLANC_BIN:-}" ]; then
    PLANC=$PLANC_BIN
else
    say "building planc (release, scratch $SCRATCH)"
    swift build -c release --product planc --scratch-path "$SCRATCH" >&2 || fail "swift build failed"
    PLANC="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/planc"
fi
[ -x "$PLANC" ] || fail "no planc binary at $PLANC"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/planc-site-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    say "keeping the plan and site in $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

if [ -n "${SITE_BENCH_PLAN:-}" ]; then
    plan=$SITE_BENCH_PLAN
    [ -d "$plan" ] || fail "SITE_BENCH_PLAN: no folder $plan"
else
    [ -f "$GEN" ] || fail "missing $GEN (the shared benchmark folder must sit beside the repository)"
    say "generating the $N-task plan"
    python3 "$GEN" --n "$N" --json "$WORK/model.json" >"$WORK/project.tjp" 2>"$WORK/gen.log" \
        || { cat "$WORK/gen.log" >&2; fail "gen_plan.py failed"; }
    plan="$WORK/plan"
    python3 "$CONVERT" "$WORK/model.json" "$plan" 2>/dev/null || fail "conversion failed"
fi
# The project's start, from the converted plan's `- start:` line.
start=$(sed -n 's/^- start: *\([0-9-]*\).*/\1/p' "$plan/plan.md" | head -1)
[ -n "$start" ] || fail "no '- start:' line in $plan/plan.md"

say "building the site (--today $start)"
t0=$EPOCHREALTIME
"$PLANC" build --today "$start" -o "$WORK/site" "$plan" >/dev/null 2>"$WORK/build.log" \
    || { tail -20 "$WORK/build.log" >&2; fail "planc build failed"; }
t1=$EPOCHREALTIME
project=$(find "$WORK/site/projects" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort | head -1)
[ -f "$project/index.html" ] && [ -f "$project/tasks.html" ] || fail "no project page in $WORK/site"

echo "planc site benchmark: $plan, --today $start, planc $PLANC"
echo "planc build: $(python3 -c 'import sys; print("%.2f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$t1") s wall; $(find "$WORK/site" -type f | wc -l) files, $(du -sb "$WORK/site" | cut -f1) bytes"
echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1), viewport 1280x800, $(nproc) cores"
"$PYTHON" "$MEASURE" "$RUNS" \
    "$project/index.html:project page:$PROJECT_MAX_BYTES:$PROJECT_MAX_LOAD_MS:-" \
    "$project/tasks.html:task page:-:$TASKS_MAX_LOAD_MS:$TASKS_MAX_RENDERER_MB"
