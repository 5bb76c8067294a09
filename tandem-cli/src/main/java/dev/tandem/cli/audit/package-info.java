/** {@code tandem audit verify}: checks the hash chains of the server's audit log or of exported logs. */
package dev.tandem.cli.audit;
