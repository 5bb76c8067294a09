/**
 * Advisories and VEX, the use cases: reading what VEX documents and triage decisions say
 * ({@link dev.tandem.usecase.vex.StatementsUseCase}), publishing CSAF 2.0 advisories, CycloneDX VEX and
 * OpenVEX from the findings and the decisions, the CRA Art. 14(8) user notice, a CSAF trusted-provider
 * directory, and security.txt.
 */
package dev.tandem.usecase.vex;
