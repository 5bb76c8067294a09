/**
 * The hash-chained audit log: each entry's hash covers its fields and the previous entry's hash, so
 * changing, removing or inserting an entry breaks the chain from that point on
 * ({@link dev.tandem.audit.AuditChain}). Pure functions over entries; storing them is the server's.
 */
package dev.tandem.audit;
