/**
 * Matching SBOM components against advisories: package identity (purl ↔ OSV ecosystem and name,
 * normalised per ecosystem), the package index (one hash lookup per component, no scans of the
 * advisory set), and the matcher producing findings, unmatched components and undecided matches.
 */
package dev.tandem.match;
