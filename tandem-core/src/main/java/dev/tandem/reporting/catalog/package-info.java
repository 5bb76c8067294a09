/**
 * The reporting catalog: frameworks, stages, periods, clock starts, applicability rules, fields,
 * counting rules, calendars and notices, loaded from the reviewed YAML under {@code catalog/} on
 * the classpath. Every entry carries its legal source and a {@link dev.tandem.reporting.catalog.Confidence}.
 */
package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;