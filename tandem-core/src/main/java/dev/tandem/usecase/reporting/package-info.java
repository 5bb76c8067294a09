/**
 * The reporting use cases, one call each: the obligations an incident record owes at an instant,
 * the draft of one stage's report, the frameworks of the catalog (list, show), their EU–US
 * comparison, and the replay of an exercise scenario. Each takes parsed inputs or
 * {@link dev.tandem.input.InputDocument}s and an explicit instant or date, and returns the one
 * result every renderer draws, with the catalog fingerprint it was computed from.
 */
package dev.tandem.usecase.reporting;
