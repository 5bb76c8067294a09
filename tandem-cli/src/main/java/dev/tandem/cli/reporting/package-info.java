/**
 * The reporting commands: {@code tandem obligations} (which reports are owed, to whom, by when,
 * with which fields) and {@code tandem report} (a stage's report draft), with their renderers.
 */
package dev.tandem.cli.reporting;
