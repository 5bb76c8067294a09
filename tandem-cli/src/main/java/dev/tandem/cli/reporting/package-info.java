/**
 * The reporting commands: {@code tandem obligations} (which reports are owed, to whom, by when,
 * with which fields), {@code tandem report} (a stage's report draft), {@code tandem frameworks}
 * (list, show, compare) and {@code tandem exercise} (a scenario replayed). Each parses its options,
 * calls one use case of {@link dev.tandem.usecase.reporting} and picks a renderer of
 * {@link dev.tandem.render.reporting.ReportingFormats}.
 */
package dev.tandem.cli.reporting;
