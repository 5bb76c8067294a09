/**
 * Persistence over PostgreSQL, always (embedded from Maven artifacts by default, external by URL):
 * starting the database, Flyway migrations ({@code db/migration}), and one repository per aggregate.
 * Every repository method takes the caller's {@link dev.tandem.server.store.Tenant} and filters on it,
 * so another organisation's rows are never found.
 */
package dev.tandem.server.store;
