/**
 * Options shared by several commands, as picocli mixins: {@code --format} (checked against the
 * command's renderer registry), {@code -o/--output}, {@code --catalog}.
 */
package dev.tandem.cli.options;
