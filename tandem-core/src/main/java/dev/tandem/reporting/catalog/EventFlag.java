package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;

/**
 * A qualification of the event the user records ({@code event.severe}, {@code event.highRisk}):
 * the legal test it stands for, with its source. Tandem never decides a qualification; the
 * applicability rules and stage conditions read it.
 */
public record EventFlag(String id, String text, String source, Confidence confidence) {
}
