/** Progress shown on an interactive terminal while large inputs load; silent otherwise. */
package dev.tandem.cli.progress;
