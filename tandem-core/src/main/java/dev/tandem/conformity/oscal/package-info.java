/**
 * OSCAL export: requirement catalogs as OSCAL 1.1.3 catalogs and crosswalks as OSCAL 1.2 mapping
 * collections, with stable name-based UUIDs so that the same catalog always exports the same document.
 */
package dev.tandem.conformity.oscal;
