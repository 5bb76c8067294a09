/**
 * The US Cyber Trust Mark registry entry as CTA-2120 JSON (schema 1.0.0), written from the product
 * profile and validated against the bundled schema, with its field-name quirks handled (docs/conformity.md).
 */
package dev.tandem.conformity.registry;
