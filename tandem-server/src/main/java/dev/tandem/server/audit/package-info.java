/**
 * The append-only audit log: every change is appended in the same transaction as the change itself,
 * each entry hashing the previous one ({@link dev.tandem.audit.AuditChain}); the table refuses
 * updates, deletes and truncation (a trigger), and {@code tandem audit verify} checks the chain.
 */
package dev.tandem.server.audit;
