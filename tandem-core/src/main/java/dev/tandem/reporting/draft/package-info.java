/**
 * Report drafts: one stage's report filled from the incident record, every required field present
 * or flagged missing, in the order the authority's form uses, with the notices that go with it.
 */
package dev.tandem.reporting.draft;
