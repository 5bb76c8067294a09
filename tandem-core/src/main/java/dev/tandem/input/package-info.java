/**
 * Reading untrusted input safely: size and depth limits, hardened JSON/YAML/XML parsers,
 * {@link dev.tandem.input.JsonTree} (a JSON document parsed once, whose errors name line, column and
 * pointer), and {@link dev.tandem.input.InputException}, the one error every reader raises, naming
 * the file and the position.
 */
package dev.tandem.input;
