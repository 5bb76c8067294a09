/** Requirement catalogs: the reviewed YAML in {@code catalog/conformity/} as records, and their loader. */
package dev.tandem.conformity.catalog;
