#!/usr/bin/env bash
# Whole-server measurements behind docs/performance.md ("Server"): tandem serve in its own process
# (embedded PostgreSQL under a fresh data folder), driven on loopback by dev.tandem.bench.server.ServerLoad.
#
#   bench/run-server.sh CORPUS_DIR [RESULTS_DIR]
#
# CORPUS_DIR holds db.tdb (an advisory snapshot, e.g. `tandem db build` of the 500k corpus) and sbom-10k/
# (one 10,000-component SBOM); make them as bench/run-scale.sh describes, then
#   java -jar tandem-cli/target/tandem.jar db build --advisories CORPUS_DIR/osv/*/all.zip \
#        --kev CORPUS_DIR/kev.json --out CORPUS_DIR/db.tdb
# Build first: mvn -B -q -DskipTests -pl tandem-cli,bench -am package
# SERVER_JAVA_OPTS passes JVM flags to the server (default: none, the JVM's defaults).
set -euo pipefail

corpus="$(cd "${1:?usage: bench/run-server.sh CORPUS_DIR [RESULTS_DIR]}" && pwd)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
results="${2:-$root/bench/out/server-$(basename "$corpus")}"
mkdir -p "$results"
require_build
sbom="$(ls "$corpus"/sbom-10k/*.json | head -n1)"
data="$(mktemp -d)"
log="$results/summary.txt"
: > "$log"

machine_header "Tandem server run"
say "corpus: $corpus (snapshot $(du -h "$corpus/db.tdb" | cut -f1), sbom $(basename "$sbom"))"
say "server flags: ${SERVER_JAVA_OPTS:-(defaults)}"

# shellcheck disable=SC2086
"$java" ${SERVER_JAVA_OPTS:-} -jar "$jar" serve --data "$data" --port 0 > "$results/serve.out" 2> "$results/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  grep -q 'tandem serve: http' "$results/serve.out" 2>/dev/null && break
  sleep 0.5
done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$results/serve.out" | head -n1)"
[ -n "$port" ] || { cat "$results/serve.err" >&2; exit 2; }
say "server pid $server on port $port"

"$java" -cp "$bench_cp" dev.tandem.bench.server.ServerLoad \
  --url "http://127.0.0.1:$port" --key-file "$data/admin-key" --pid "$server" --data "$data" --snapshot "$corpus/db.tdb" \
  --sbom "$sbom" --uploads "${UPLOADS:-5}" --clients "${CLIENTS:-50}" --seconds "${SECONDS_LOAD:-30}" | tee -a "$log"

postmaster="$(head -n1 "$data/postgres/postmaster.pid")"
pg_rss="$(ps -eo pid,ppid,rss | awk -v p="$postmaster" '$1 == p || $2 == p {s += $3} END {print s}')"
say "embedded PostgreSQL processes (postmaster $postmaster and children), summed RSS: $((pg_rss / 1024)) MiB (shared buffers counted in each)"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
