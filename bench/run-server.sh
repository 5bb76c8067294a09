#!/usr/bin/env bash
# Whole-server measurements behind docs/performance.md ("Server"): tandem serve in its own process
# (embedded PostgreSQL under a fresh data folder), driven on loopback by dev.tandem.bench.server.ServerLoad;
# the GET findings read load by wrk (bench/wrk-findings.lua) when wrk is on PATH, then by ServerLoad's Java loop.
#
#   bench/run-server.sh [CORPUS_DIR [RESULTS_DIR]]
#
# Unattended: builds the jars when they are missing (mvn -B -q -DskipTests -pl tandem-cli,bench -am package) and
# makes the corpus when CORPUS_DIR (default bench/out/corpus-500k) has no db.tdb: 500,000 generated advisories
# (seed 1), one 10,000-component SBOM, and their snapshot (`tandem db build`) -- about 5 minutes once.
# Standard output is exactly the target figures (lines starting FIGURE: the upload; GET findings under wrk, then
# under the Java loop for comparison -- one GET findings line, the Java loop's, when wrk is not on PATH; RSS);
# every measurement is in RESULTS_DIR/summary.txt (default bench/out/server-CORPUS). One run takes about
# 3 minutes after the corpus (2 without wrk; 2.5-2.75 minutes measured at load 16-40). Nothing is
# installed: wrk is Debian's package `wrk` (4.1.0).
# SERVER_JAVA_OPTS passes JVM flags to the server (default: none, the JVM's defaults); UPLOADS, WARMUP_UPLOADS,
# CLIENTS, SECONDS_LOAD change the load (5, 3, 50, 30); WRK names the wrk binary (default: wrk on PATH; WRK=none
# skips it), WRK_THREADS its threads (2).
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
mkdir -p "${1:-$root/bench/out/corpus-500k}"
corpus="$(cd "${1:-$root/bench/out/corpus-500k}" && pwd)"
results="${2:-$root/bench/out/server-$(basename "$corpus")}"
mkdir -p "$results"
if [ ! -f "$jar" ] || [ ! -d "$root/bench/target/lib" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl tandem-cli,bench -am package) >&2
fi
if [ ! -f "$corpus/db.tdb" ]; then
  echo "making the corpus under $corpus (once, about 5 minutes)" >&2
  "$java" -cp "$bench_cp" dev.tandem.bench.corpus.CorpusGenerator --advisories 500000 --seed 1 --layout zip \
    --out "$corpus" >&2
  "$java" -cp "$bench_cp" dev.tandem.bench.corpus.SbomGenerator --advisories 500000 --seed 1 --components 10000 \
    --vulnerable 0.05 --count 1 --out "$corpus/sbom-10k" >&2
  "$java" -Xmx3g -jar "$jar" db build --advisories "$corpus"/osv/*/all.zip --kev "$corpus"/kev*.json \
    --out "$corpus/db.tdb" >&2
fi
sbom="$(ls "$corpus"/sbom-10k/*.json | head -n1)"
data="$(mktemp -d)"
log="$results/summary.txt"
: > "$log"
say() { echo "$*" >> "$log"; }  # standard output carries only the FIGURE lines

machine_header "Tandem server run"
say "corpus: $corpus (snapshot $(du -h "$corpus/db.tdb" | cut -f1), sbom $(basename "$sbom"))"
say "server flags: ${SERVER_JAVA_OPTS:-(defaults)}"
wrk="${WRK:-$(command -v wrk || true)}"
[ "$wrk" = none ] && wrk=""
if [ -n "$wrk" ]; then
  say "read load: wrk ($wrk, $("$wrk" -v 2>&1 | head -n1 | cut -d' ' -f1-2)), ${WRK_THREADS:-2} threads, bench/wrk-findings.lua; then the Java loop (ServerLoad) for comparison"
else
  say "read load: the Java loop (ServerLoad) only: wrk is not on PATH (apt-get install wrk)"
fi

# shellcheck disable=SC2086
"$java" ${SERVER_JAVA_OPTS:-} -jar "$jar" serve --data "$data" --port 0 > "$results/serve.out" 2> "$results/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  grep -q 'tandem serve: http' "$results/serve.out" 2>/dev/null && [ -s "$data/admin-key" ] && break
  sleep 0.5
done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$results/serve.out" | head -n1)"
[ -n "$port" ] || { cat "$results/serve.err" >&2; exit 2; }
say "server pid $server on port $port"

"$java" -cp "$bench_cp" dev.tandem.bench.server.ServerLoad \
  --url "http://127.0.0.1:$port" --key-file "$data/admin-key" --pid "$server" --data "$data" --snapshot "$corpus/db.tdb" \
  --sbom "$sbom" --warmup-uploads "${WARMUP_UPLOADS:-3}" --uploads "${UPLOADS:-5}" --clients "${CLIENTS:-50}" \
  --seconds "${SECONDS_LOAD:-30}" ${wrk:+--wrk "$wrk" --wrk-script "$root/bench/wrk-findings.lua" --wrk-threads "${WRK_THREADS:-2}"} >> "$log"

postmaster="$(head -n1 "$data/postgres/postmaster.pid")"
pg_rss="$(ps -eo pid,ppid,rss | awk -v p="$postmaster" '$1 == p || $2 == p {s += $3} END {print s}')"
say "embedded PostgreSQL processes (postmaster $postmaster and children), summed RSS: $((pg_rss / 1024)) MiB (shared buffers counted in each)"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "summary: $log"
grep '^FIGURE' "$log" | sed "s/\$/ [load average before the run: $(sed -n 's/^nproc: .*load average before: //p' "$log")]/"
