/** Sending the events of the outbox: webhooks (JSON, HMAC-SHA256 signed) and e-mail over SMTP, with retries and a log. */
package dev.tandem.server.notify;
