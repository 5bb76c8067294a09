/**
 * Per-ecosystem version ordering ({@link dev.tandem.version.VersionScheme}, one class per scheme,
 * looked up by OSV ecosystem name or purl type) and OSV range evaluation
 * ({@link dev.tandem.version.AffectedVersions}).
 */
package dev.tandem.version;
