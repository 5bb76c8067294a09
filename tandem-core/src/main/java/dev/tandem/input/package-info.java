/**
 * Reading untrusted input safely: size and depth limits, hardened JSON/YAML/XML parsers, and
 * {@link dev.tandem.input.InputException}, the one error every reader raises, naming the file
 * and the position.
 */
package dev.tandem.input;
