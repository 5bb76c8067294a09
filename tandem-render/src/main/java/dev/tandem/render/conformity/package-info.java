/**
 * Renderers of the conformity results ({@link dev.tandem.usecase.conformity}): catalog list and show,
 * crosswalk, assessment, declaration, CTA-2120 registry entry and label, one class per format, with
 * their registries in {@link dev.tandem.render.conformity.ConformityFormats}. OSCAL catalog and mapping
 * documents are formats here too. Every output names the catalog it was computed from, where its
 * format leaves room for it.
 */
package dev.tandem.render.conformity;
