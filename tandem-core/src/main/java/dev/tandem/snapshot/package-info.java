/**
 * The advisory snapshot: everything matching needs (packages, parsed ranges, alias-merged
 * vulnerabilities, severity, KEV assertions) in one compact, versioned, checksummed binary file,
 * built once from OSV and KEV and loaded in well under a second, with entries decoded lazily per
 * looked-up package. Format: docs/formats/snapshot.md; design: docs/adr/0003-advisory-snapshot.md.
 */
package dev.tandem.snapshot;
