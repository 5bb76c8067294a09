/**
 * The documents a manufacturer files in the EU: the draft EU declaration of conformity (Annex V content)
 * and the technical-documentation (Annex VII) and user-information (Annex II) checklists, as one
 * document model rendered to Markdown or HTML.
 */
package dev.tandem.conformity.declaration;
