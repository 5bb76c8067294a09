#!/usr/bin/env bash
# Whole-process and JMH measurements behind docs/performance.md, on one corpus folder.
#
#   bench/run-scale.sh CORPUS_DIR [RESULTS_DIR]
#
# CORPUS_DIR holds osv/<Ecosystem>/all.zip (or osv/<Ecosystem>/*.json), kev*.json, corpus.properties,
# sbom-10k/ (the SBOM to scan) and optionally portfolio/ (SBOMs for the reverse lookup). Make one with
#   java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.corpus.CorpusGenerator \
#        --advisories 500000 --seed 1 --layout zip --out bench/out/corpus-500k
#   java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.corpus.SbomGenerator \
#        --advisories 500000 --seed 1 --components 10000 --vulnerable 0.05 --count 1 --out bench/out/corpus-500k/sbom-10k
#   java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.corpus.SbomGenerator \
#        --advisories 500000 --seed 1 --components 1000 --vulnerable 0.02 --count 1000 --out bench/out/corpus-500k/portfolio
# or from the real data with bench/prepare-real.sh. Build first (nothing is installed or built here):
#   mvn -B -q -DskipTests -pl tandem-cli,bench -am package
# Needs /usr/bin/time (GNU time) for peak resident memory. JMH_ARGS overrides the JMH options
# (default: one fork, 2 warm-up and 3 measured iterations: the machine is shared, run it once).
# JFR=1 records a Flight Recorder profile of db build and the first scan --db (RESULTS_DIR/*.jfr;
# read with: jfr view hot-methods FILE).
set -euo pipefail

corpus="$(cd "${1:?usage: bench/run-scale.sh CORPUS_DIR [RESULTS_DIR]}" && pwd)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_results "${2:-$root/bench/out/results-$(basename "$corpus")}"

machine_header "Tandem scale run"
say "corpus: $corpus"
[ -f "$corpus/corpus.properties" ] && say "corpus.properties: $(grep -v '^#' "$corpus/corpus.properties" | tr '\n' ' ')"

corpus_inputs "$corpus"

jfr_build=()
jfr_scan=()
if [ "${JFR:-0}" = 1 ]; then
  jfr_build=("-XX:StartFlightRecording=filename=$results/db-build.jfr,settings=profile")
  jfr_scan=("-XX:StartFlightRecording=filename=$results/scan-db.jfr,settings=profile")
fi

say ""
say "## Whole processes (GNU time)"
time_run db-build "$java" "${jfr_build[@]}" -jar "$jar" db build --advisories "${advisories[@]}" --kev "${kev[@]}" --out "$corpus/db.tdb"
count="$(sed -n 's/^Advisories: \([0-9,]*\).*/\1/p' "$results/db-build.out" | tr -d ,)"
withdrawn="$(sed -n 's/^Advisories: [0-9,]* (\([0-9,]*\) withdrawn.*/\1/p' "$results/db-build.out" | tr -d ,)"
read -r wall _ < "$results/db-build.time"
say "db build: $((count + withdrawn)) advisories read in $wall s = $(awk -v n=$((count + withdrawn)) -v t="$wall" 'BEGIN {printf "%d", n / t}') advisories/s (whole process)"
time_run db-info "$java" -jar "$jar" db info "$corpus/db.tdb"
time_run scan-db-profiled "$java" "${jfr_scan[@]}" -jar "$jar" scan --db "$corpus/db.tdb" --sbom "${sbom[@]}" --format json --output "$results/scan-db.json"
for run in 1 2 3; do
  time_run "scan-db-$run" "$java" -jar "$jar" scan --db "$corpus/db.tdb" --sbom "${sbom[@]}" --format json --output "$results/scan-db.json"
done
time_run scan-advisories "$java" -jar "$jar" scan --advisories "${advisories[@]}" --kev "${kev[@]}" --sbom "${sbom[@]}" --format json --output "$results/scan-advisories.json"
if command -v python3 > /dev/null; then
  python3 - "$results/scan-db.json" "$results/scan-advisories.json" <<'PY' | tee -a "$log"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
same = a["findings"] == b["findings"] and a["undecided"] == b["undecided"] and a["unmatched"] == b["unmatched"]
s = a["summary"]
print(f"scan --db vs --advisories: findings identical: {same}; {s['components']} components, "
      f"{s['findings']} findings, {s['knownExploited']} known exploited, {s['undecided']} undecided")
PY
fi
say "snapshot: $(stat -c %s "$corpus/db.tdb") bytes"

say ""
say "## JMH (${JMH_ARGS:=-f 1 -wi 2 -i 3})"
benchmarks="${BENCHMARKS:-MatchBenchmark|SnapshotBenchmark|ReverseLookupBenchmark}"
[ -d "$corpus/portfolio" ] || benchmarks="${benchmarks//|ReverseLookupBenchmark/}"
# shellcheck disable=SC2086
"$java" -Xmx8g -cp "$bench_cp" org.openjdk.jmh.Main $JMH_ARGS -jvmArgs "-Xmx8g -Dtandem.bench.corpus=$corpus" \
  -rf text -rff "$results/jmh.txt" "$benchmarks" > "$results/jmh.log" 2>&1 || { tail -40 "$results/jmh.log" >&2; exit 1; }
grep -E "^(Benchmark|[A-Za-z]+Benchmark\.)" "$results/jmh.txt" | tee -a "$log"
grep -E "^portfolio:" "$results/jmh.log" | head -n1 | tee -a "$log" || true
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
