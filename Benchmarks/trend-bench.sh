#!/usr/bin/env bash
# Measure `planc trend` over a long history: a 500-commit repository made from
# Examples/crm-migration by small successive edits, timed with hyperfine.
#
#   Benchmarks/trend-bench.sh            # 500 commits
#   Benchmarks/trend-bench.sh 1000       # another length
#
# Run from the repository root after `swift build -c release`. The history is deterministic:
# fixed author and committer dates (twelve commits a day, 08:00 to 19:00 UTC, from 2026-08-03)
# and identity, so the commit ids and every figure are the same on each run. The edits are what
# a plan's history is made of: the data cleansing's effort grows by a day every 30 commits, its
# progress advances, the cutover runbook grows every 50 commits, and a journal line is rewritten.
#
# Environment: BENCH_RUNS (timed runs, default 5), PLANC (the binary, default
# .build/release/planc), BENCH_KEEP=1 keeps the repository and prints where.
set -euo pipefail

COMMITS=${1:-500}
RUNS=${BENCH_RUNS:-5}
PLANC=${PLANC:-.build/release/planc}

fail() { echo "trend-bench: $*" >&2; exit 1; }
[ -f Package.swift ] && [ -d Examples/crm-migration ] || fail "run from the planc repository root"
[ -x "$PLANC" ] || fail "missing $PLANC: run swift build -c release first"
[[ "$COMMITS" =~ ^[1-9][0-9]*$ ]] || fail "the number of commits must be a positive integer, got '$COMMITS'"
command -v hyperfine >/dev/null || fail "hyperfine is missing (apt-get install hyperfine)"

REPO=$(mktemp -d "${TMPDIR:-/tmp}/planc-trend-bench.XXXXXX")
[ "${BENCH_KEEP:-0}" = 1 ] && echo "repository: $REPO" >&2 || trap 'rm -rf "$REPO"' EXIT
cp -R Examples/crm-migration/. "$REPO/"

python3 - "$REPO" "$COMMITS" <<'PY'
import os, subprocess, sys
repo, commits = sys.argv[1], int(sys.argv[2])
plan_path, cutover_path = os.path.join(repo, "plan.md"), os.path.join(repo, "cutover.md")
plan, cutover = open(plan_path).read(), open(cutover_path).read()
cleansing = "id:data-cleansing 20d @omar:50% @aylin after:field-mapping 55%"
runbook = "id:runbook 5d"
assert cleansing in plan and runbook in cutover
env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org", LC_ALL="C")
def git(*args, date=None):
    if date: env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", repo, "-c", "commit.gpgsign=false", *args], check=True, env=env, stdout=subprocess.DEVNULL)
git("init", "-q", "-b", "main")
import datetime
start = datetime.date(2026, 8, 3)
for k in range(commits):
    day = start + datetime.timedelta(days=k // 12)
    date = f"{day.isoformat()}T{8 + k % 12:02d}:00:00+00:00"
    effort, progress = 20 + k // 30, min(55 + k // 20, 95)
    text = plan.replace(cleansing, f"id:data-cleansing {effort}d @omar:50% @aylin after:field-mapping {progress}%")
    text += f"\n<!-- edit {k} -->\n"
    open(plan_path, "w").write(text)
    open(cutover_path, "w").write(cutover.replace(runbook, f"id:runbook {5 + k // 50}d"))
    git("add", "-A")
    git("commit", "-q", "-m", f"Edit {k}: cleansing {effort}d at {progress}%", date=date)
PY

echo "$(git -C "$REPO" rev-list --count HEAD) commits in $REPO" >&2
hyperfine --warmup 1 --runs "$RUNS" \
    -n "planc trend, every commit ($COMMITS)" "$PLANC trend $REPO --today 2026-09-15 --every commit --format json" \
    -n "planc trend, every day" "$PLANC trend $REPO --today 2026-09-15 --every day" \
    -n "planc build (with history, every day)" "$PLANC build $REPO -o $REPO.site --today 2026-09-15"
rm -rf "$REPO.site"
