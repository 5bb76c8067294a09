/**
 * Requirement catalogs: the reviewed YAML in {@code catalog/conformity/} as records. Crosswalks refer to
 * these; nothing here refers back (the loader lives in {@code dev.tandem.conformity}).
 */
package dev.tandem.conformity.catalog;
