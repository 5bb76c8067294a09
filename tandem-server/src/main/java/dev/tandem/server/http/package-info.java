/**
 * The REST API under {@code /api/v1} (one class per resource), described by the OpenAPI 3.1 document
 * served at {@code /api/openapi.json}; Bearer API keys; every error an RFC 9457 problem document.
 */
package dev.tandem.server.http;
