/**
 * Continuous monitoring inside a transaction: what a scan changed and why (the reverse match),
 * vulnerability cases and their clocks from the obligations engine, and the events they emit.
 */
package dev.tandem.server.monitor;
