/**
 * Crosswalks between requirement catalogs with NIST IR 8477 set-theory relationships, their reversal,
 * and the coverage check that every assessed source requirement is mapped or explained.
 */
package dev.tandem.conformity.crosswalk;
