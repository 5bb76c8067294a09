/**
 * The server's feed refresh ({@code tandem db update}'s use case, run by the scheduler or on
 * demand) and the scheduler itself (db-scheduler, claimed through PostgreSQL).
 */
package dev.tandem.server.feeds;
