/**
 * The product profile (YAML or JSON): product, manufacturer, CRA class, markets, support period, SBOM
 * references, EU and US filing data, and evidence per requirement. Read with hardened mappers; unknown
 * keys are reported, never silently dropped.
 */
package dev.tandem.conformity.profile;
