/**
 * A synthetic NVD corpus (CVE API 2.0 yearly feeds, deterministic from a seed, of any size) and
 * firmware SBOMs named by CPE drawn from it: the inputs behind the CPE figures of
 * docs/performance.md, since the full NVD (about 300,000 CVEs) is too large to keep here.
 */
package dev.tandem.bench.nvd;
