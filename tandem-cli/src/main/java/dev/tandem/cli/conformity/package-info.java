/**
 * Conformity commands: {@code catalog}, {@code crosswalk}, {@code assess}, {@code declaration},
 * {@code registry-entry}, {@code label}, and their renderers.
 */
package dev.tandem.cli.conformity;
