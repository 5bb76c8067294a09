/**
 * Classifying each asset of an inventory as quantum-vulnerable, weakened, quantum-resistant or
 * unknown from the catalog: family by name, then the parameter set, key size or curve that
 * changes the answer; certificates, keys and protocols through the algorithms they reference.
 */
package dev.tandem.pqc.classification;
