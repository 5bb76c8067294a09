/** SBOM commands: {@code tandem sbom check}. */
package dev.tandem.cli.sbom;
