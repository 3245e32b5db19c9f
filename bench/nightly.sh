#!/usr/bin/env bash
# Times `huella nightly` over N forks built from the bench generator: a first run (empty
# database), a second run with nothing changed, and a run after one new commit in one fork.
#
# Usage: bench/nightly.sh [N]        forks, default 300 (one student folder each)
# Environment:
#   HUELLA_BENCH_SEED   generator seed (default 1)
#   HUELLA_BENCH_BUILD  build folder holding huella and bench/huella-bench-gen (default
#                       build-bench, built here in Release when missing)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
forks_count=${1:-300}
seed=${HUELLA_BENCH_SEED:-1}
build=${HUELLA_BENCH_BUILD:-$repo/build-bench}
if [ ! -x "$build/huella" ] || [ ! -x "$build/bench/huella-bench-gen" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DHUELLA_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target huella huella-bench-gen >/dev/null
fi
command -v /usr/bin/time >/dev/null 2>&1 || {
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org GIT_CONFIG_NOSYSTEM=1

echo "== $forks_count forks from huella-bench-gen (seed $seed)"
"$build/bench/huella-bench-gen" --out "$work/cohort" --submissions "$forks_count" --seed "$seed" >/dev/null
git init -q -b main "$work/curso"
mkdir -p "$work/curso/entregas/streaming_cloud"
printf '# Big Data con Python\n' >"$work/curso/README.md"
printf '# PROMPTS\n\n## Parte 1\nEscribe aquí tus prompts.\n' >"$work/curso/entregas/streaming_cloud/PROMPTS.md"
git -C "$work/curso" add -A && git -C "$work/curso" commit -q -m curso
mkdir -p "$work/forks"
for student in "$work"/cohort/*/; do
  name=$(basename "$student")
  fork=$work/forks/$name
  git clone -q "$work/curso" "$fork"
  cp -r "$student" "$fork/entregas/streaming_cloud/$name"
  git -C "$fork" add -A && git -C "$fork" commit -q -m entrega
done
files=$(find "$work/cohort" -type f | wc -l)
mb=$(du -sm "$work/cohort" | cut -f1)
echo "forks: $forks_count, files: $files, MB: $mb"

# Prints wall and CPU seconds, peak RSS and the cache line of one run.
timed_run() {
  local label=$1
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build/huella" nightly "$work/forks" \
    --upstream "$work/curso" --db "$work/huella.db" --json "$work/$label.json" --lang en \
    >"$work/$label.out" 2>/dev/null || [ $? -eq 3 ]
  read -r wall user sys rss <"$work/time"
  printf '%-8s wall %6.2f s  CPU %6.2f s  RSS %5d MB  %s\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$(grep -m1 '^Cache' "$work/$label.out")"
}

echo "== runs"
timed_run first
timed_run second
first_fork=$(ls "$work/forks" | head -1)
file=$(cd "$work/forks/$first_fork" && git ls-files "entregas/*.py" | head -1)
printf '\ndef extra():\n    return 42\n' >>"$work/forks/$first_fork/$file"
git -C "$work/forks/$first_fork" commit -q -am "one more function"
timed_run commit
