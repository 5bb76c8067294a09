/**
 * Options shared by several commands, as picocli mixins: {@code --format} (checked against the
 * command's renderer registry), {@code -o/--output}, {@code --catalog}; the files an option names read
 * into documents ({@link dev.tandem.cli.options.InputFiles}); and "now" for every command
 * ({@link dev.tandem.cli.options.Now}, honouring {@code SOURCE_DATE_EPOCH}).
 */
package dev.tandem.cli.options;
