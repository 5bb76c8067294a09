/**
 * Checking audit logs: {@link dev.tandem.usecase.audit.AuditVerifyUseCase} verifies the hash chain of
 * each organisation's log (read from the server's database by the front end, or an exported file) and
 * optional anchors (hashes recorded earlier), and says where each chain breaks.
 */
package dev.tandem.usecase.audit;
