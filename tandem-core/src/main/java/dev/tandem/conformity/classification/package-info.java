/**
 * The CRA class of a product, derived from the Annex III/IV category its profile names (Art. 7(1),
 * 8(1); category descriptions of Implementing Regulation (EU) 2025/2392), never taken on trust from a
 * stated class: an unknown category, a requirement named where a category belongs, or a stated class
 * that contradicts the category is an input error.
 */
package dev.tandem.conformity.classification;
