/** {@code tandem pqc}: post-quantum readiness from CBOMs and SBOMs, and its renderers. */
package dev.tandem.cli.pqc;
