#!/usr/bin/env bash
# Times `huella nightly` over N forks built from the bench generator: a first run (empty
# database), a second run with nothing changed, and a run after one new commit in one fork.
#
# Usage: bench/nightly.sh [N]        forks, default 300 (one student folder each)
# Environment: HUELLA_BENCH_SEED (generator seed, default 1); HUELLA_BENCH_BUILD, a build folder
# holding huella and bench/huella-bench-gen to use instead of building build-bench/.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/lib.sh"
forks_count=${1:-300}
need /usr/bin/time time
print_machine
if [ -n "${HUELLA_BENCH_BUILD:-}" ]; then build=$HUELLA_BENCH_BUILD; else build_huella huella huella-bench-gen; fi
ensure_cohort "$forks_count"
cohort=$(cohort_dir "$forks_count")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timed_log=$work/time timed_out=$work/out timed_err=$work/err
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org GIT_CONFIG_NOSYSTEM=1

echo "== $forks_count forks, each a clone of a course repository plus one submission"
git init -q -b main "$work/curso"
mkdir -p "$work/curso/entregas/streaming_cloud"
printf '# PROMPTS\n\n## Parte 1\nEscribe aquí tus prompts.\n' >"$work/curso/entregas/streaming_cloud/PROMPTS.md"
git -C "$work/curso" add -A && git -C "$work/curso" commit -q -m curso
for student in "$cohort"/*/; do
  name=$(basename "$student")
  git clone -q "$work/curso" "$work/forks/$name"
  cp -r "$student" "$work/forks/$name/entregas/streaming_cloud/$name"
  git -C "$work/forks/$name" add -A && git -C "$work/forks/$name" commit -q -m entrega
done
echo "files: $(find "$cohort" -type f | wc -l), MB: $(du -sm "$cohort" | cut -f1)"

run_nightly() {
  timed "$build/huella" nightly "$work/forks" --upstream "$work/curso" --db "$work/huella.db" \
    --json "$work/$1.json" --lang en
  printf '%-7s wall %6.2f s  CPU %6.2f s  RSS %5d MB  exit %d  %s\n' "$1" "$wall" "$cpu" \
    $((run_kb / 1024)) "$status" "$(grep -m1 '^Cache' "$timed_out")"
}

echo "== runs"
run_nightly first
run_nightly second
fork=$(ls "$work/forks" | head -1)
file=$(git -C "$work/forks/$fork" ls-files "entregas/*.py" | head -1)
printf '\ndef extra():\n    return 42\n' >>"$work/forks/$fork/$file"
git -C "$work/forks/$fork" commit -q -am "one more function"
run_nightly commit
