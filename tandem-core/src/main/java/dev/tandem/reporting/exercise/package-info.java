/**
 * Scenario exercises: a scenario (an entity and a timeline of events and submissions) replayed
 * through the obligations engine into one chronological EU–US timeline of what fell due, what was
 * met and what was missed, optionally replayed again with one event shifted to show the difference.
 */
package dev.tandem.reporting.exercise;
