/**
 * The server's own use cases over the stored portfolio: products and releases, SBOM uploads scanned
 * at once through the core's scan use case, triage decisions fed back to the scan as statements
 * (origin {@code triage}, one finding each), and replacing the advisory snapshot with every release
 * re-scanned in the same transaction. Each change is audited in the transaction that makes it.
 */
package dev.tandem.server.portfolio;
