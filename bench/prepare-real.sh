#!/usr/bin/env bash
# Lays the real data of shared/data out as a corpus folder for bench/run-scale.sh (symlinks only):
#   bench/prepare-real.sh [SHARED_DATA] [OUT]      (defaults: ../shared/data, bench/out/real)
# osv/ = the real Go and crates.io advisories; kev-cisa.json, kev-eu.json; sbom-10k/ = the real SBOM
# the Go and Rust advisories reach (Proton Bridge, Go); portfolio/ = every real JSON SBOM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
out="${2:-$root/bench/out/real}"
rm -rf "$out"
mkdir -p "$out/osv" "$out/sbom-10k" "$out/portfolio"
for eco in "$data"/osv/*/; do ln -s "${eco%/}" "$out/osv/$(basename "$eco")"; done
ln -s "$data/kev/cisa-known-exploited-vulnerabilities.json" "$out/kev-cisa.json"
ln -s "$data/kev/eu-kev.json" "$out/kev-eu.json"
ln -s "$data/sboms/proton-bridge_proton-bridge-v1.8.0.bom.json" "$out/sbom-10k/proton-bridge_proton-bridge-v1.8.0.bom.json"
for sbom in "$data"/sboms/*.json; do ln -s "$sbom" "$out/portfolio/$(basename "$sbom")"; done
echo "real data laid out in $out"
