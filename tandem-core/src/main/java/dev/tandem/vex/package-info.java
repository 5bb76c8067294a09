/**
 * Reading what others say is (not) exploitable: CSAF 2.0 VEX, CycloneDX VEX and OpenVEX 0.2.0
 * documents, told apart by their content, become {@link dev.tandem.triage.Statement}s (origin VEX) in
 * the CycloneDX analysis vocabulary; {@link dev.tandem.vex.VexVocabulary} holds the mapping tables
 * both ways, with their sources (docs/formats/vex.md).
 */
package dev.tandem.vex;
