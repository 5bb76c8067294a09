/**
 * The conformity use cases, one call each: list and show the requirement catalogs, a crosswalk, an
 * assessment of a product profile, the draft EU declaration, the CTA-2120 registry entry and the
 * label. Profiles and the SBOMs they reference come in as documents or parsed; nothing here reads a
 * file, and every result carries the fingerprint of the catalog it was computed from.
 */
package dev.tandem.usecase.conformity;
