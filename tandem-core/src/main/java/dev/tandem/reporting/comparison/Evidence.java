package dev.tandem.reporting.comparison;

import dev.tandem.catalog.Confidence;

/** A catalog entry behind a statement: a framework, optionally a stage and a field, with its source. */
public record Evidence(String framework, String stage, String field, String source, Confidence confidence) {
}
