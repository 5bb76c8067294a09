/**
 * The assessment: for each regime (one edition of each versioned standard), the status of every
 * requirement, assessed directly from the profile's evidence or derived through a crosswalk (only a
 * relationship in which the evidence side contains the requirement carries "met", only one in which it is
 * contained carries "not met"; "intersects" carries neither), the contradictions between direct evidence
 * and those implications, coverage, the gap list, the CRA class derived from the category, the
 * conformity route Art. 32 allows for it, and the support-period check.
 */
package dev.tandem.conformity.assessment;
