/**
 * Renderers of the reporting results ({@link dev.tandem.usecase.reporting}): obligations, report
 * drafts, framework lists and details, the EU–US comparison and exercises, one class per format,
 * registered in {@link dev.tandem.render.reporting.ReportingFormats}. Every output names the catalog
 * it was computed from, except CSV, whose rows stay plain data.
 */
package dev.tandem.render.reporting;
