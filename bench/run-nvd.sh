#!/usr/bin/env bash
# Whole-process and in-process measurements of CPE matching behind docs/performance.md ("NVD and CPE").
#
#   bench/run-nvd.sh CORPUS_DIR [RESULTS_DIR]
#
# CORPUS_DIR holds nvd/nvdcve-2.0-<year>.json.gz and firmware-2000.cdx.json. Make them with
#   java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.nvd.NvdCorpusGenerator \
#        --records 300000 --seed 1 --out bench/out/nvd-300k
#   java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.nvd.FirmwareSbomGenerator \
#        --records 300000 --seed 1 --components 2000 --out bench/out/nvd-300k/firmware-2000.cdx.json
# Build first (nothing is installed or built here): mvn -B -q -DskipTests -pl tandem-cli,bench -am package
# Needs GNU time at /usr/bin/time. JMH_ARGS overrides the JMH options (default: one fork, 2 warm-up
# and 3 measured iterations).
set -euo pipefail

corpus="$(cd "${1:?usage: bench/run-nvd.sh CORPUS_DIR [RESULTS_DIR]}" && pwd)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_results "${2:-$root/bench/out/results-$(basename "$corpus")}"
machine_header "Tandem NVD/CPE run"
say "corpus: $corpus ($(du -sh "$corpus/nvd" | cut -f1) of feeds)"
[ -f "$corpus/nvd.properties" ] && say "nvd.properties: $(grep -v '^#' "$corpus/nvd.properties" | tr '\n' ' ')"

time_run db-build-nvd "$java" ${BUILD_OPTS:-} -jar "$jar" db build --nvd "$corpus/nvd" --out "$corpus/db.tdb"
say "snapshot: $(stat -c %s "$corpus/db.tdb") bytes"
time_run db-info "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" db info "$corpus/db.tdb"
for i in 1 2 3; do
  time_run "scan-db-$i" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" scan --db "$corpus/db.tdb" \
      --sbom "$corpus/firmware-2000.cdx.json" --format json
done
say "findings: $(grep -c '"findingId"' "$results/scan-db-1.out" || true)"
time_run scan-nvd-files "$java" -jar "$jar" scan --nvd "$corpus/nvd" --sbom "$corpus/firmware-2000.cdx.json" --format json
cmp -s <(grep -v scannedAt "$results/scan-db-1.out" | grep -v '"cveRecordSources"\|"sources"') \
       <(grep -v scannedAt "$results/scan-nvd-files.out" | grep -v '"cveRecordSources"\|"sources"') \
  && say "scan --db and scan --nvd: same report" || say "scan --db and scan --nvd: DIFFERENT reports (see $results)"
"$java" -cp "$bench_cp" dev.tandem.bench.nvd.NvdProbe "$corpus" 7 | tee -a "$log"
"$java" -cp "$bench_cp" -Dtandem.bench.nvd="$corpus" org.openjdk.jmh.Main ${JMH_ARGS:--f 1 -wi 2 -i 3} CpeMatchBenchmark \
  | tee "$results/jmh.txt" | grep -E '^(Benchmark|CpeMatch)' | tee -a "$log"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
