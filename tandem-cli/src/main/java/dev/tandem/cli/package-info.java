/**
 * The {@code tandem} command line: picocli commands (one sub-package per command family) and
 * renderers. Commands parse arguments, call the engines in tandem-core and render; no engine logic
 * lives here.
 */
package dev.tandem.cli;
