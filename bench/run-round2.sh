#!/usr/bin/env bash
# Every whole-process figure of issue 20 (performance, round two) in one unattended run, each with the
# load average beside it (docs/performance.md, "Round two"):
#
#   bench/run-round2.sh CORPUS_DIR [RESULTS_DIR]
#
# CORPUS_DIR is the 500k corpus of bench/run-scale.sh (osv/<Ecosystem>/all.zip, kev.json, sbom-10k/).
# Build first: mvn -B -q -DskipTests -pl tandem-cli,bench -am package. Needs GNU time at /usr/bin/time.
# About 5 minutes on an idle 2-core machine (db build and scan --advisories are most of it).
#
#  1. build: `db build` of the corpus, advisories per second of wall time and per CPU-second
#  2. cold start: `./tandem scan --db` (10,000 components): the first run, which records the AOT cache,
#     then RUNS runs with the cache and RUNS without (TANDEM_AOT=off), and the same for short commands
#  3. warm match: dev.tandem.bench.CpuProbe (CPU time of the working thread; purl parsing split out)
#  4. memory: peak RSS of `scan --advisories` over the corpus
#
# SECTIONS="2 3" runs only those sections (default "1 2 3 4"); without section 1 the snapshot is DB
# (default CORPUS_DIR/db.tdb, read only). Sections 2 and 3 alone take about 1.5 minutes on an idle machine:
#   SECTIONS="2 3" bench/run-round2.sh /work/bench-corpus/corpus-500k
set -euo pipefail

corpus="$(cd "${1:?usage: bench/run-round2.sh CORPUS_DIR [RESULTS_DIR]}" && pwd)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_results "${2:-$root/bench/out/round2-$(basename "$corpus")}"
runs="${RUNS:-5}"
machine_header "Tandem issue 20 run"
say "corpus: $corpus"

corpus_inputs "$corpus"

# The launcher, with its AOT cache in the results folder (fresh for this run) and the built jar.
export TANDEM_CACHE_DIR="$results/cache"
rm -rf "$TANDEM_CACHE_DIR"
TANDEM_AOT=off "$root/tandem" --version > /dev/null

sections=" ${SECTIONS:-1 2 3 4} "
has() { [[ "$sections" == *" $1 "* ]]; }
db="$results/db.tdb"
has 1 || db="${DB:-$corpus/db.tdb}"
say "sections: $sections; snapshot: $db"

if has 1; then
say ""
say "## 1. db build (whole process, default JVM flags as the launcher gives them)"
time_run db-build "$root/tandem" db build --advisories "${advisories[@]}" --kev "${kev[@]}" --out "$results/db.tdb"
count="$(sed -n 's/^Advisories: \([0-9,]*\).*/\1/p' "$results/db-build.err" "$results/db-build.out" | head -n1 | tr -d ,)"
withdrawn="$(sed -n 's/^Advisories: [0-9,]* (\([0-9,]*\) withdrawn.*/\1/p' "$results/db-build.err" "$results/db-build.out" | head -n1 | tr -d ,)"
read -r wall user sys _ < "$results/db-build.time"
total=$((count + withdrawn))
say "db build: $total advisories: $(awk -v n=$total -v t="$wall" 'BEGIN {printf "%d", n / t}') per second of wall time, $(awk -v n=$total -v u="$user" -v s="$sys" 'BEGIN {printf "%d", n / (u + s)}') per CPU-second"
fi

if has 2; then
say ""
say "## 2. cold start (./tandem; the first run records the AOT cache)"
scan=(scan --db "$db" --sbom "${sbom[@]}" --format json)
time_run "scan-db-first-run" "$root/tandem" "${scan[@]}"
for i in $(seq 1 "$runs"); do time_run "scan-db-aot-$i" "$root/tandem" "${scan[@]}"; done
for i in $(seq 1 "$runs"); do time_run "scan-db-no-aot-$i" env TANDEM_AOT=off "$root/tandem" "${scan[@]}"; done
cmp -s <(grep -v scannedAt "$results/scan-db-aot-1.out") <(grep -v scannedAt "$results/scan-db-no-aot-1.out") \
  && say "scan --db with and without the cache: same report" || say "scan --db with and without the cache: DIFFERENT reports"
say "findings: $(grep -c '"findingId"' "$results/scan-db-aot-1.out" || true)"
short_commands=("db info $db" "versions compare --ecosystem npm 1.2.3 1.10.0" "catalog list" "--version")
for command in "${short_commands[@]}"; do
  name="$(echo "$command" | awk '{print $1 "-" $2}' | tr -c 'a-z0-9-\n' '-')"
  # shellcheck disable=SC2086
  time_run "$name-first-run" "$root/tandem" $command
  for i in 1 2 3; do
    # shellcheck disable=SC2086
    time_run "$name-aot-$i" "$root/tandem" $command
  done
  for i in 1 2 3; do
    # shellcheck disable=SC2086
    time_run "$name-no-aot-$i" env TANDEM_AOT=off "$root/tandem" $command
  done
done
say "AOT caches: $(du -sh "$TANDEM_CACHE_DIR/aot" | cut -f1) for $(ls "$TANDEM_CACHE_DIR/aot" | wc -l) commands"
fi

if has 3; then
say ""
say "## 3. warm match (CpuProbe: CPU time of the working thread, median)"
probe="$results/probe-corpus"
rm -rf "$probe"; mkdir -p "$probe"
ln -s "$corpus/sbom-10k" "$probe/sbom-10k"
ln -s "$(readlink -f "$db")" "$probe/db.tdb"
"$java" -cp "$bench_cp" dev.tandem.bench.CpuProbe "$probe" 15 | tee -a "$log"
fi

if has 4; then
say ""
say "## 4. memory: scan --advisories over the corpus"
time_run scan-advisories "$root/tandem" scan --advisories "${advisories[@]}" --kev "${kev[@]}" --sbom "${sbom[@]}" --format json
fi
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
