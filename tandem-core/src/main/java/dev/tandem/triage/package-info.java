/**
 * What people said about findings, and applying it: triage decisions, VEX statements and ignore-file
 * entries become {@link dev.tandem.triage.Statement}s in one vocabulary (the CycloneDX impact analysis
 * states, justifications and responses); {@link dev.tandem.triage.Triage} matches them to findings by
 * vulnerability (id or alias) and component, and says which findings they suppress, which annotate,
 * and which statements matched nothing or have expired.
 */
package dev.tandem.triage;
