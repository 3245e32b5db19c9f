# Shared by bench/run.sh and bench/compare.sh: machine facts, the Release build, the cached
# synthetic cohorts and timed runs. Source it after setting `repo`.

build=$repo/build-bench
cache=$repo/bench/.cache
seed=${HUELLA_BENCH_SEED:-1}
timeout_seconds=${HUELLA_BENCH_TIMEOUT:-600}
max_gb=${HUELLA_BENCH_MAX_GB:-16}
images_share=${HUELLA_BENCH_IMAGES_SHARE:-0.1}

# Installs a Debian package when its command is missing.
need() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package"
}

print_machine() {
  echo "== machine"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Builds the given targets in Release into $build (tests off).
build_huella() {
  echo "== build (Release, $build)"
  local generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  [ -f "$build/CMakeCache.txt" ] && generator=()  # an existing build dir keeps its generator
  cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DHUELLA_BUILD_TESTS=OFF -DHUELLA_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target "$@" >/dev/null
}

# A cached cohort is reused only if the generator that made it is the current one.
generator_id=$(cat "$repo/bench/generate_cohort.cpp" "$repo/bench/terminal_capture.cpp" | sha1sum | cut -c1-10)

# A cohort of $1 submissions of about ${2:-60} KiB each, $images_share of them with a screenshot.
cohort_dir() {
  local kb=${2:-60} suffix=""
  [ "$kb" != 60 ] && suffix="-kb$kb"
  echo "$cache/cohort-$1$suffix-img$images_share-seed$seed-$generator_id"
}

ensure_cohort() {
  local n=$1 kb=${2:-60} dir
  mkdir -p "$cache"
  find "$cache" -mindepth 1 -maxdepth 1 -name 'cohort-*' ! -name "*-$generator_id*" \
    -exec rm -rf {} +
  dir=$(cohort_dir "$n" "$kb")
  [ -f "$dir.done" ] && return
  rm -rf "$dir"
  echo "generating N=$n: $("$build/bench/huella-bench-gen" --out "$dir" --submissions "$n" \
    --seed "$seed" --kb "$kb" --images-share "$images_share" --manifest "$dir.planted.tsv")"
  touch "$dir.done"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Runs a command with the time and memory limits; sets wall, cpu (user + system seconds),
# run_kb (peak RSS) and status. Its stdout goes to $timed_out, its stderr to $timed_err.
timed() {
  status=0
  (ulimit -v $((max_gb * 1024 * 1024))
   /usr/bin/time -f '%e %M %U %S' -o "$timed_log" \
     timeout --kill-after=10 "$timeout_seconds" "$@" >"$timed_out" 2>"$timed_err") || status=$?
  local user system
  read -r wall run_kb user system < <(tail -n1 "$timed_log")
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')
}
