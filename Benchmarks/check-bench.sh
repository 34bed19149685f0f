#!/usr/bin/env bash
# Measure `planc check` on synthetic plans against cmark reading the same Markdown bytes.
#
#   Benchmarks/check-bench.sh            # N = 1000 and 10000
#   Benchmarks/check-bench.sh 500 5000   # other sizes
#
# Run from the repository root. cmark only parses Markdown, so the ratio planc/cmark says what
# planc's work beyond parsing (lowering, checking, scheduling) costs on top of the parser it
# is built on. The plans come from ../shared/bench/synthetic/gen_plan.py (the same seeded
# model tj3 is measured on) through Benchmarks/synthetic_to_planc.py.
#
# Environment: BENCH_RUNS (timed runs per command, default 5), PLANC_SCRATCH (SwiftPM scratch
# folder, default .build), BENCH_KEEP=1 keeps the generated plans and prints where.
set -euo pipefail

GEN=../shared/bench/synthetic/gen_plan.py
CONVERT=Benchmarks/synthetic_to_planc.py
RUNS=${BENCH_RUNS:-5}
SCRATCH=${PLANC_SCRATCH:-.build}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

fail() { echo "check-bench: $*" >&2; exit 1; }

[ -f Package.swift ] && [ -f "$CONVERT" ] || fail "run from the planc repository root"
[ -f "$GEN" ] || fail "missing $GEN (the shared benchmark folder must sit beside the repository)"
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "task counts must be positive integers, got '$n'"
done

# cmark, hyperfine and GNU time (for peak memory) come from Debian packages.
missing=()
command -v cmark >/dev/null || missing+=(cmark)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "${missing[@]}" >&2 \
        || fail "could not install ${missing[*]}"
fi

echo "building planc (release)" >&2
swift build -c release --product planc --scratch-path "$SCRATCH" >&2 || fail "swift build failed"
PLANC="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/planc"
[ -x "$PLANC" ] || fail "no planc binary at $PLANC"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/planc-check-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "keeping generated plans in $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi

# Median wall time in seconds from a hyperfine JSON export.
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# Peak resident memory in MB of one run of the given command (GNU time reports kilobytes).
peak_mb() {
    local log="$WORK/time.log"
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; fail "failed: $*"; }
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log"
}

rows=()
for n in "${SIZES[@]}"; do
    echo "N=$n: generating" >&2
    python3 "$GEN" --n "$n" --json "$WORK/model-$n.json" >"$WORK/p$n.tjp" 2>/dev/null \
        || fail "gen_plan.py failed for N=$n"
    plan="$WORK/plan-$n"
    python3 "$CONVERT" "$WORK/model-$n.json" "$plan" 2>/dev/null || fail "conversion failed for N=$n"
    start=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["start"])' "$WORK/model-$n.json")

    # The same bytes for both tools: every .md file of the plan, in byte order of the paths.
    all="$WORK/all-$n.md"
    (cd "$plan" && find . -name '*.md' -print | LC_ALL=C sort | xargs cat) >"$all"
    bytes=$(wc -c <"$all")
    files=$(find "$plan" -name '*.md' | wc -l)

    # One plain run first: the benchmark is only meaningful if planc accepts the plan.
    if ! "$PLANC" check --today "$start" "$plan" >"$WORK/check-$n.log" 2>&1; then
        tail -20 "$WORK/check-$n.log" >&2
        fail "planc check reported errors on the N=$n plan"
    fi

    echo "N=$n: timing ($RUNS runs each)" >&2
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/planc-$n.json" \
        "$PLANC check --today $start $plan" >&2 || fail "hyperfine failed on planc"
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/cmark-$n.json" \
        "cmark $all" >&2 || fail "hyperfine failed on cmark"
    planc_s=$(median "$WORK/planc-$n.json")
    cmark_s=$(median "$WORK/cmark-$n.json")
    planc_mb=$(peak_mb "$PLANC" check --today "$start" "$plan")
    cmark_mb=$(peak_mb cmark "$all")

    rows+=("$(python3 - "$n" "$files" "$bytes" "$planc_s" "$cmark_s" "$planc_mb" "$cmark_mb" <<'EOF'
import sys
n, files, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
planc_s, cmark_s, planc_mb, cmark_mb = map(float, sys.argv[4:8])
mb = size / 1e6
print("| %d | %d | %.2f | %.3f | %.4f | %.1fx | %.1f | %.1f | %.1f | %.1f | %.1fx |" % (
    n, files, mb, planc_s, cmark_s, planc_s / cmark_s, mb / planc_s, mb / cmark_s,
    planc_mb, cmark_mb, planc_mb / cmark_mb))
EOF
)")
done

echo
echo "planc check vs cmark on the same Markdown (median of $RUNS runs; peak RSS of one run)"
echo
echo "| tasks | files | MB | planc s | cmark s | time planc/cmark | planc MB/s | cmark MB/s | planc RSS MB | cmark RSS MB | RSS planc/cmark |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
