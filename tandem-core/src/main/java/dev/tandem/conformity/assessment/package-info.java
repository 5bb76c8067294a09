/**
 * The assessment: for each regime, the status of every requirement, assessed directly from the profile's
 * evidence or derived through a crosswalk (only equivalent and superset mappings, seen from the evidence
 * side, carry "met" over), coverage, the gap list, the CRA conformity route and the support-period check.
 */
package dev.tandem.conformity.assessment;
