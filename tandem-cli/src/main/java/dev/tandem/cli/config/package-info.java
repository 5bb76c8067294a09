/**
 * Default options from {@code tandem.yaml} in the working directory (or {@code --config FILE}):
 * read strictly (unknown commands, options and values of the wrong shape are errors at their line
 * and column) and added to a command line for the options it does not give (docs/formats/config.md).
 */
package dev.tandem.cli.config;
