/**
 * Who is calling: API keys (Bearer, SHA-256 of a 256-bit secret), users with Argon2id password hashes
 * and web sessions, roles, and the first start that creates the organisation {@code default}, its
 * admin user and admin key.
 */
package dev.tandem.server.auth;
