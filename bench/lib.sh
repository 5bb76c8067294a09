#!/usr/bin/env bash
# The preamble every bench script shares; sourced (`. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"`), not run.
# Sets root, java (JAVA, else Temurin 25, else the first JDK under /usr/lib/jvm), jar (the CLI), bench_cp
# (the JMH and probe classes); say() appends to $log (set log= before calling it) and echoes; time_run
# writes into $results (set results= before calling it).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA:-}"
if [ -z "$java" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] && java="$candidate" && break
  done
fi
jar="$root/tandem-cli/target/tandem.jar"
bench_cp="$root/bench/target/classes:$root/bench/target/lib/*"

# require_build: the CLI jar and the bench classes exist (nothing is built here).
require_build() {
  [ -f "$jar" ] && [ -d "$root/bench/target/classes" ] \
    || { echo "build first: mvn -B -q -DskipTests -pl tandem-cli,bench -am package" >&2; exit 2; }
}

# require_time: GNU time at /usr/bin/time, for peak resident memory.
require_time() {
  [ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
}

say() { echo "$*" | tee -a "$log"; }

# start_results DIR: results=DIR (made) and log=DIR/summary.txt (emptied), after require_build and
# require_time, as the whole-process scripts begin.
start_results() {
  require_build
  require_time
  results="$1"
  mkdir -p "$results"
  log="$results/summary.txt"
  : > "$log"
}

# machine_header TITLE: the run's title, time, cores, load, CPU and JDK, as every summary starts.
machine_header() {
  say "# $1, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  say "nproc: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  say "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n1)"
  say "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  say "java: $("$java" -version 2>&1 | head -n1)"
}

# corpus_inputs CORPUS: the arrays advisories (osv/<Ecosystem>/all.zip, else the folder), kev and sbom
# (sbom-10k/*) of a bench corpus.
corpus_inputs() {
  advisories=()
  local eco
  for eco in "$1"/osv/*; do
    eco="$(readlink -f "$eco")"  # the loader does not follow a symlinked folder
    if [ -f "$eco/all.zip" ]; then advisories+=("$eco/all.zip"); else advisories+=("$eco"); fi
  done
  kev=("$1"/kev*.json)
  sbom=("$1"/sbom-10k/*)
}

# time_run NAME COMMAND...: wall, user+sys CPU and peak RSS of one whole process, with the load average;
# its output in $results/NAME.{out,err,time}. Exit code 1 (findings) is a run; 2 and above stop the script.
time_run() {
  local name="$1"; shift
  /usr/bin/time -o "$results/$name.time" -f "%e %U %S %M" "$@" > "$results/$name.out" 2> "$results/$name.err" || {
    local rc=$?; [ "$rc" -le 1 ] || { echo "$name failed ($rc):" >&2; cat "$results/$name.err" >&2; exit 1; }; }
  local wall user sys rss  # the last line: GNU time puts "Command exited with non-zero status N" first
  read -r wall user sys rss < <(tail -n1 "$results/$name.time")
  say "$(printf '%-30s wall %7.2f s  cpu %7.2f s (user %6.2f + sys %5.2f)  peak RSS %6d MiB  load %s' \
    "$name" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$user" "$sys" $((rss / 1024)) \
    "$(cut -d' ' -f1 /proc/loadavg)")"
}
