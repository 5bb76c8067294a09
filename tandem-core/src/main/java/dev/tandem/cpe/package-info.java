/**
 * CPE 2.3 (NISTIR 7695 naming, NISTIR 7696 name matching, NISTIR 7698 applicability language as NVD
 * writes it): names in the formatted-string and URI bindings with their quoting, the logical values
 * ANY ({@code *}) and NA ({@code -}); the version order CPE ranges are evaluated with; match criteria
 * with the four version bounds; and applicability configurations — OR/AND nodes, {@code negate},
 * vulnerable entries versus the platforms a product must run on — evaluated against what an SBOM
 * lists. Pure functions of their inputs; docs/matching.md#cpe says every rule and why.
 */
package dev.tandem.cpe;
