/**
 * Incident records kept by the server (the format of {@code tandem obligations}): created and edited
 * from a form or the API, their obligations, report drafts and exercise timeline computed live, and
 * submissions recorded into them.
 */
package dev.tandem.server.incident;
