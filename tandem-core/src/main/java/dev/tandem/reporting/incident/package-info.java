/**
 * The incident record (entity, event, timeline, submissions, report content), its reader for JSON
 * and YAML, and the issues found in it: unknown keys and doubtful or impossible timelines are
 * reported with their path, never ignored.
 */
package dev.tandem.reporting.incident;
