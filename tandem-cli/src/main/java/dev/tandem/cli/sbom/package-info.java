/** SBOM commands: {@code tandem sbom check} and {@code tandem sbom from-lockfile}. */
package dev.tandem.cli.sbom;
