#!/usr/bin/env bash
# Measures huella: per-core lexing speed, then whole `huella report` runs on synthetic cohorts.
#
# Usage: bench/run.sh [N[:KB] ...]   cohort sizes (and KiB per submission, default 60),
#                                    default 100 1000 10000
# Environment:
#   HUELLA_BENCH_SEED     generator seed (default 1)
#   HUELLA_BENCH_TIMEOUT  seconds one huella run may take before it is stopped (default 600)
#   HUELLA_BENCH_MAX_GB   address-space limit of one huella run, so a blow-up fails instead of
#                         pushing the machine into swap or the OOM killer (default 16)
#   HUELLA_BENCH_ARGS     extra options for `huella report`, e.g. "--min-similarity 0.05"
# Cohorts are cached in bench/.cache/, keyed by size, seed and the generator's source.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/lib.sh"
read -r -a extra_args <<<"${HUELLA_BENCH_ARGS:-}"
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000 10000); fi

need /usr/bin/time time
need jq jq
print_machine
build_huella huella huella-bench-gen huella-bench-throughput
huella=$build/huella
throughput=$build/bench/huella-bench-throughput

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timed_log=$work/time timed_out=/dev/null timed_err=$work/stderr

# Of the distinct planted (copier, source) pairs, how many rank among that many top pairs.
planted_found() {
  local report=$1 manifest=$2 planted
  planted=$(awk -F'\t' '{print ($1 < $2) ? $1 "\t" $2 : $2 "\t" $1}' "$manifest" | sort -u)
  local count
  count=$(printf '%s' "$planted" | grep -c . || true)
  [ "$count" -eq 0 ] && { echo "0/0"; return; }
  local found
  found=$(jq -r --argjson top "$count" \
    '.pairs[:$top][] | if .a < .b then "\(.a)\t\(.b)" else "\(.b)\t\(.a)" end' "$report" \
    | sort | comm -12 - <(printf '%s\n' "$planted") | wc -l)
  echo "$found/$count"
}

for size in "${sizes[@]}"; do ensure_cohort ${size/:/ }; done

echo "== lexing and fingerprinting, one core (huella-bench-throughput)"
throughput_cohort=$(cohort_dir ${sizes[0]/:/ })
echo "-- synthetic cohort N=${sizes[0]}"
"$throughput" "$throughput_cohort"
echo "-- fixtures/cohort"
"$throughput" "$repo/fixtures/cohort"

echo "== huella report COHORT --json FILE ${extra_args[*]} (stdout discarded; $(nproc) threads)"
# The JSON goes to a temporary file, never /dev/null: huella writes through a temporary file and
# a rename, which would replace /dev/null itself when run as root.
rows=()
for size in "${sizes[@]}"; do
  n=${size%%:*}
  dir=$(cohort_dir ${size/:/ })
  runs=3
  [ "$n" -gt 1000 ] && runs=1
  files=$(find "$dir" -type f | wc -l)
  images=$(find "$dir" -type f -name '*.png' | wc -l)
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  walls=() cpus=() peak_kb=0 outcome=ok
  for ((run = 1; run <= runs; run++)); do
    rm -f "$work/report.json"
    timed "$huella" report "$dir" --json "$work/report.json" --stats "${extra_args[@]}"
    kb=$run_kb
    walls+=("$wall")
    cpus+=("$cpu")
    [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      outcome="stopped after ${timeout_seconds} s"
      break
    elif [ "$status" -ne 0 ]; then
      outcome="failed (exit $status): $(grep -v '^Command' "$work/stderr" | tail -n1 | sed 's/^ *//')"
      break
    fi
    echo "N=$n run $run: ${wall} s wall, ${cpu} s CPU, $((kb / 1024)) MB peak RSS"
    # The stages' CPU seconds (name in the first 58 columns) and the index's bytes per fingerprint.
    awk -v n="$n" 'substr($0, 1, 2) == "  " && $NF ~ /^[0-9.]+$/ && !/pairs listed/ {
        name = substr($0, 3, 56); sub(/ +$/, "", name); print n "\t" name "\t" $NF }
      /index: .* fingerprints/ { print n "\tindex: bytes per fingerprint kept (building)\t" $(NF - 1) " (" $(NF - 6) ")" }' \
      "$work/stderr" >"$work/stages-$n"
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  if [ "$outcome" = ok ]; then
    pairs=$(jq '.pairs | length' "$work/report.json")
    found=$(planted_found "$work/report.json" "$dir.planted.tsv")
  else
    echo "N=$n: $outcome"
    pairs=$outcome found=-
  fi
  rows+=("$(awk -v n="$n" -v f="$files" -v i="$images" -v b="$bytes" -v w="$wall" -v c="$cpu" -v k="$peak_kb" \
    -v ok="$([ "$outcome" = ok ] && echo 1)" -v p="$pairs" -v pf="$found" 'BEGIN {
      mb = b / 1e6
      rate = ok ? sprintf("%8.0f %7.1f", f / w, mb / w) : sprintf("%8s %7s", "-", "-")
      printf "%6d %7d %6d %8.1f %8.2f %8.2f %s %9.0f  %-10s %s", n, f, i, mb, w, c, rate, k / 1024, pf, p
    }')")
done

echo
printf '%6s %7s %6s %8s %8s %8s %8s %7s %9s  %-10s %s\n' N files images MB "wall s" "CPU s" files/s MB/s \
  "RSS MB" planted "pairs reported"
printf '%s\n' "${rows[@]}"

echo
echo "== CPU seconds per stage (huella --stats, last run of each N)"
# One row per stage, one column per N: how each stage grows with the cohort.
cat "$work"/stages-* 2>/dev/null | awk -F'\t' -v sizes="${sizes[*]}" '
  BEGIN { count = split(sizes, order, " "); for (i = 1; i <= count; i++) sub(/:.*/, "", order[i]) }
  { if (!($2 in seen)) { seen[$2] = 1; names[++rows] = $2 } value[$2, $1] = $3 }
  END {
    printf "%-58s", "stage"; for (i = 1; i <= count; i++) printf " %14s", "N=" order[i]; print ""
    for (r = 1; r <= rows; r++) {
      printf "%-58s", names[r]
      for (i = 1; i <= count; i++) printf " %14s", ((names[r], order[i]) in value) ? value[names[r], order[i]] : "-"
      print ""
    }
  }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
