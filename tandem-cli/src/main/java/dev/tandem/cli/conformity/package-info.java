/**
 * Conformity commands: {@code catalog}, {@code crosswalk}, {@code assess}, {@code declaration}, {@code attestation},
 * {@code registry-entry}, {@code label}. Each reads its files into documents, calls one use case of
 * {@link dev.tandem.usecase.conformity} and picks a renderer of {@link dev.tandem.render.conformity}.
 */
package dev.tandem.cli.conformity;
