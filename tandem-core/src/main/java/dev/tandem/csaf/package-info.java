/**
 * CSAF 2.0 documents (OASIS Common Security Advisory Framework, ISO/IEC 20153): the document model
 * ({@link dev.tandem.csaf.CsafDocument}), its exact JSON ({@link dev.tandem.csaf.CsafJson}), the
 * builder that turns findings and triage decisions into a csaf_vex or csaf_security_advisory document
 * ({@link dev.tandem.csaf.AdvisoryBuilder}), and the file name rule of §5.1.
 */
package dev.tandem.csaf;
