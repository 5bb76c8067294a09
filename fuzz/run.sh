#!/usr/bin/env bash
# Long fuzzing runs on demand (docs/hardening.md): each reader's Jazzer fuzz test for ten minutes.
#   fuzz/run.sh                 every reader in turn (about two and a half hours)
#   fuzz/run.sh cycloneDxXml    one reader
# Findings (crash-*, timeout-*) land in tandem-core/src/test/resources/dev/tandem/fuzz/ReadersFuzzTestInputs/<test>/:
# fix the reader, rename the file to regression-<what>.<ext>, commit it. The generated corpus is kept
# in tandem-core/.cifuzz-corpus/ (not committed) so the next run starts where this one stopped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
  tests=(cycloneDxJson cycloneDxXml spdxJson spdxTagValue cbom osvJson osvYaml osvZip kev incidentJson incidentYaml
         scenario productProfile snapshot epss ignoreFile feedsFile baseline
         packageLock yarnLock pnpmLock cargoLock goMod goSum poetryLock uvLock requirements composerLock gemfileLock
         mavenDependencyList vex decisions nvdJson nvdGzip)
fi
mvn -B -q -o compile -pl tandem-core >/dev/null
for test in "${tests[@]}"; do
  echo "fuzz: $test (10 minutes)" >&2
  mvn -B -o test -pl tandem-core -Pfuzz -Dfuzz.test="$test" -Dsurefire.failIfNoSpecifiedTests=false
done
