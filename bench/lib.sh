#!/usr/bin/env bash
# The preamble every bench script shares; sourced (`. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"`), not run.
# Sets root, java (JAVA, else Temurin 25, else the first JDK under /usr/lib/jvm), jar (the CLI), bench_cp
# (the JMH and probe classes); say() appends to $log (set log= before calling it) and echoes.
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

# machine_header TITLE: the run's title, time, cores, load, CPU and JDK, as every summary starts.
machine_header() {
  say "# $1, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  say "nproc: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  say "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n1)"
  say "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  say "java: $("$java" -version 2>&1 | head -n1)"
}
