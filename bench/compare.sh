#!/usr/bin/env bash
# Runs huella and its peers on the same input in one invocation, alternating runs: Dolos
# (@dodona/dolos-lib), jscpd 5.3.2 and SIM (sim_c -p). Prints wall, CPU and peak RSS per tool,
# huella's ratios against each, and each tool's accuracy on the labelled fixtures.
#
# Usage: bench/compare.sh [N ...]      synthetic cohort sizes (default 1000); each tool gets the
#                                      cohort's Python files only (what all of them read)
# Environment:
#   HUELLA_PEERS_DIR      where the npm peers are installed (default ~/.cache/huella-peers)
#   HUELLA_COMPARE_RUNS   alternating runs per tool (default 3; SIM runs once: it takes minutes)
#   HUELLA_COMPARE_TOOLS  tools to run (default "huella dolos jscpd sim"; also "sim-e": SIM
#                         comparing every pair of files in isolation, -e, which takes minutes)
#   HUELLA_COMPARE_KB     KiB per generated submission (default 13: N = 1,000 then holds about
#                         14 MB of Python in 3,000 files, near the cohort (2,144 files, 13 MB) on which
#                         Dolos was measured at 80 s and SIM at 539 s on this kind of machine)
# Not part of CI: the peers come from the npm registry.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/lib.sh"
peers=${HUELLA_PEERS_DIR:-$HOME/.cache/huella-peers}
runs=${HUELLA_COMPARE_RUNS:-3}
kb=${HUELLA_COMPARE_KB:-13}
read -r -a tools <<<"${HUELLA_COMPARE_TOOLS:-huella dolos jscpd sim}"
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000); fi

need /usr/bin/time time
need python3 python3
need sim_c similarity-tester
need node nodejs
need npm npm
if [ ! -f "$peers/node_modules/@dodona/dolos-lib/package.json" ] ||
   [ ! -x "$peers/node_modules/.bin/jscpd" ]; then
  echo "== installing Dolos and jscpd into $peers (Dolos compiles tree-sitter: minutes)"
  mkdir -p "$peers"
  (cd "$peers" && [ -f package.json ] || npm init -y >/dev/null)
  npm install --prefix "$peers" --no-audit --no-fund @dodona/dolos-lib jscpd@5.3.2 >/dev/null
fi
print_machine
echo "dolos-lib $(node -p "require('$peers/node_modules/@dodona/dolos-lib/package.json').version")," \
  "jscpd $(node -p "require('$peers/node_modules/jscpd/package.json').version")," \
  "node $(node --version), $(dpkg-query -W -f='similarity-tester ${Version}' similarity-tester)"
build_huella huella huella-bench-gen
huella=$build/huella

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timed_log=$work/time timed_err=$work/stderr

# The Python files of a cohort, hard-linked into their own tree: the input every tool reads.
python_view() {
  local from=$1 to=$2
  rm -rf "$to"
  (cd "$from" && find . -type f -name '*.py' -print0 | cpio -0 -pdl --quiet "$to" 2>/dev/null ||
   find . -type f -name '*.py' -exec cp --parents {} "$to" \;)
  find "$to" -type f -name '*.py' | sort >"$to.list"
}
need cpio cpio

# Runs one tool on a tree; its raw output lands in $work/<tool>.out.
run_tool() {
  local tool=$1 tree=$2
  timed_out=$work/$tool.out
  case $tool in
    huella) timed "$huella" report "$tree" --json "$work/huella.json" ;;
    dolos) timed node "$repo/bench/peers/dolos_driver.mjs" "$peers" "$tree.list" python ;;
    jscpd) rm -rf "$work/jscpd"
           timed "$peers/node_modules/.bin/jscpd" --reporters json --output "$work/jscpd" --absolute \
             --format python --ignore-identifiers "$tree" ;;
    # -i reads the names from stdin: xargs would split 3,000 names into runs that never meet.
    sim) timed sim_c -p -i <"$tree.list" ;;
    sim-e) timed sim_c -e -p -i <"$tree.list" ;;  # every pair in isolation, as the others do
  esac
}

# Of the distinct planted pairs that copy a Python file, how many rank among that many top pairs.
planted_in_top() {
  local ranked=$1 manifest=$2 planted count
  planted=$(awk -F'\t' '$3 ~ /\.py$/ {print ($1 < $2) ? $1 "\t" $2 : $2 "\t" $1}' "$manifest" | sort -u)
  count=$(printf '%s' "$planted" | grep -c . || true)
  [ "$count" -eq 0 ] && { echo "0/0"; return; }
  echo "$(head -n "$count" "$ranked" | cut -f1,2 | sort | comm -12 - <(printf '%s\n' "$planted") | wc -l)/$count"
}

# The tool's output as ranked submission pairs (a, b, score).
ranked_pairs() {
  local tool=$1 tree=$2 output=$work/$1.out
  [ "$tool" = huella ] && output=$work/huella.json
  [ "$tool" = jscpd ] && output=$work/jscpd
  [ "$tool" = sim-e ] && tool=sim
  python3 "$repo/bench/peers/submission_pairs.py" "$tool" "$output" "$tree"
}

echo "== accuracy on fixtures/cohort (Python files only, no base material for anybody)"
python_view "$repo/fixtures/cohort" "$work/fixtures"
for tool in "${tools[@]}"; do
  run_tool "$tool" "$work/fixtures"
  ranked_pairs "$tool" "$work/fixtures" >"$work/$tool.pairs"
  printf '%-7s %s\n' "$tool" \
    "$(python3 "$repo/bench/peers/accuracy.py" "$repo/fixtures/cohort/labels.json" code "$work/$tool.pairs")"
done

for n in "${sizes[@]}"; do
  ensure_cohort "$n" "$kb"
  tree=$work/py-$n
  python_view "$(cohort_dir "$n" "$kb")" "$tree"
  manifest=$(cohort_dir "$n" "$kb").planted.tsv
  files=$(wc -l <"$tree.list")
  mb=$(xargs -a "$tree.list" cat | wc -c | awk '{printf "%.1f", $1 / 1e6}')
  echo "== N=$n: $files Python files, $mb MB; $runs alternating runs (SIM once)"
  declare -A walls=() cpus=() peaks=() pairs=() found=() stopped=()
  for ((run = 1; run <= runs; run++)); do
    for tool in "${tools[@]}"; do
      [[ $tool == sim* ]] && [ "$run" -gt 1 ] && continue
      run_tool "$tool" "$tree"
      if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        echo "$tool run $run: stopped after $timeout_seconds s, $((run_kb / 1024)) MB by then"
        stopped[$tool]=$run_kb
        continue
      elif [ "$status" -ne 0 ]; then
        echo "$tool run $run: exit $status: $(tail -n1 "$timed_err")"
        continue
      fi
      echo "$tool run $run: ${wall} s wall, ${cpu} s CPU, $((run_kb / 1024)) MB"
      walls[$tool]+="$wall "
      cpus[$tool]+="$cpu "
      [ "${peaks[$tool]:-0}" -lt "$run_kb" ] && peaks[$tool]=$run_kb
      if [ "$run" -eq 1 ]; then
        ranked_pairs "$tool" "$tree" >"$work/$tool.ranked"
        pairs[$tool]=$(wc -l <"$work/$tool.ranked")
        found[$tool]=$(planted_in_top "$work/$tool.ranked" "$manifest")
      fi
    done
  done
  printf '\n%-7s %9s %9s %9s %12s %9s %14s %14s\n' tool "wall s" "CPU s" "RSS MB" "pairs" \
    "planted" "wall/huella" "RSS/huella"
  huella_wall=$(printf '%s\n' ${walls[huella]:-0} | median)
  huella_kb=${peaks[huella]:-1}
  for tool in "${tools[@]}"; do
    if [ -z "${walls[$tool]:-}" ] && [ -n "${stopped[$tool]:-}" ]; then
      # Stopped at the time limit: the ratios are lower bounds.
      awk -v t="$tool" -v w="$timeout_seconds" -v k="${stopped[$tool]}" -v hw="$huella_wall" -v hk="$huella_kb" 'BEGIN {
        printf "%-7s %9s %9s %9.0f %12s %9s %14s %14s\n", t, ">" w, "-", k / 1024, "-", "-",
          sprintf(">=%.0fx", w / hw), sprintf(">=%.1fx", k / hk) }'
      continue
    fi
    [ -z "${walls[$tool]:-}" ] && continue
    w=$(printf '%s\n' ${walls[$tool]} | median)
    c=$(printf '%s\n' ${cpus[$tool]} | median)
    awk -v t="$tool" -v w="$w" -v c="$c" -v k="${peaks[$tool]}" -v p="${pairs[$tool]}" \
      -v f="${found[$tool]}" -v hw="$huella_wall" -v hk="$huella_kb" 'BEGIN {
        printf "%-7s %9.2f %9.2f %9.0f %12d %9s %13.1fx %13.1fx\n", t, w, c, k / 1024, p, f, w / hw, k / hk }'
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
