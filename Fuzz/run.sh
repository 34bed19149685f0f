#!/usr/bin/env bash
# Fuzzes the whole planc pipeline for SECONDS (default 120) with libFuzzer and AddressSanitizer.
#   Fuzz/run.sh 120            # what CI runs
#   Fuzz/run.sh 3600 -jobs=2   # longer; extra arguments go to libFuzzer
# The corpus grows in .build/fuzz/corpus (kept between runs); crashes land in .build/fuzz/findings.
# Exit status 0: no finding. Otherwise the crashing input is named in the output; replay it with
#   swift run plan-fuzz .build/fuzz/findings/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true

# A separate build folder: the sanitizer flags apply to every module, and must not touch .build/debug.
swift build --build-path .build/fuzz/build --product plan-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPLAN_FUZZ
binary=.build/fuzz/build/debug/plan-fuzz

# Seeds: every Markdown file of the examples and the test fixtures. Files of one example folder
# are also joined with NUL bytes into one input, as the fuzz target reads several files that way.
seeds=.build/fuzz/seeds
rm -rf "$seeds"; mkdir -p "$seeds" .build/fuzz/corpus .build/fuzz/findings
find Examples Tests -name '*.md' -type f | sort | while read -r file; do
  cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
done
for folder in Examples/*/; do
  files=("$folder"*.md)
  [ -e "${files[0]}" ] || continue
  for f in "${files[@]}"; do cat "$f"; printf '\0'; done | head -c 65536 > "$seeds/joined_$(basename "$folder").md"
done

# Swift's own crash backtracer would fight the sanitizer for the signal; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
"$binary" -max_total_time="$seconds" -dict=Fuzz/plan.dict -max_len=16384 -timeout=20 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix=.build/fuzz/findings/ "$@" .build/fuzz/corpus "$seeds"
