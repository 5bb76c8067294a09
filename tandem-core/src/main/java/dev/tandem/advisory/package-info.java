/**
 * Vulnerability advisories: the OSV model, readers for OSV (JSON/YAML, files, directories, zips),
 * CISA KEV and EU KEV, CVSS scoring, and the alias graph that merges advisories into
 * {@link dev.tandem.advisory.Vulnerability vulnerabilities}.
 */
package dev.tandem.advisory;
