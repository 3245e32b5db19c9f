#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (one job): fuzz/run.sh BUILD_DIR TARGET SECONDS.
# The corpus grows in BUILD_DIR/corpus/TARGET; crashes land in BUILD_DIR/crashes/TARGET.
set -euo pipefail
build="$(cd "$1" && pwd)"; target="$2"; seconds="$3"
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$build/seeds/$target" ] || "$here/make_seeds.sh" "$build/seeds"
mkdir -p "$build/corpus/$target" "$build/crashes/$target"
cd "$build/crashes/$target"
"$build/fuzz/fuzz_$target" "$build/corpus/$target" "$build/seeds/$target" \
  -jobs=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
cat fuzz-0.log | grep -E "stat::|Done|ERROR|SUMMARY|crash-|timeout-|oom-" || true
