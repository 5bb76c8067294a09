/** {@code tandem scan}: reads SBOMs and advisories, matches, and renders findings as table, JSON, SARIF or CycloneDX. */
package dev.tandem.cli.scan;
