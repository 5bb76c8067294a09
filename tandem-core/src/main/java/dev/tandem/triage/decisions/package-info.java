/**
 * The triage decisions file (YAML or JSON, docs/formats/decisions.md): a team's decision per
 * vulnerability and component, read into {@link dev.tandem.triage.Statement}s of origin TRIAGE, every
 * bad entry refused with its file and line.
 */
package dev.tandem.triage.decisions;
