/**
 * What Tandem does, one call each: every front end (the CLI, the server, a test) parses its inputs,
 * calls a use case here and renders the immutable result it gets back. A use case takes parsed
 * inputs or {@link dev.tandem.input.InputDocument}s and an explicit instant, never reads a path it was
 * not handed, and never names a CLI option. One sub-package per capability; see docs/adr/0005.
 */
package dev.tandem.usecase;
