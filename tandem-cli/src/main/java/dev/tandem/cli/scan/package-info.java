/**
 * {@code tandem scan}: options in, SBOM and KEV files read into documents, one call of
 * {@link dev.tandem.usecase.scan.ScanUseCase}, warnings to standard error, one renderer of
 * {@link dev.tandem.render.scan.ScanFormats}, the exit code from {@code --fail-on}.
 */
package dev.tandem.cli.scan;
