package dev.tandem.conformity.assessment;

/**
 * Which edition of a standard with several loaded editions (ETSI EN 303 645 V2.1.1 or V3.1.3) the
 * profile was assessed against, and why: named in the profile, the only edition with evidence, or the default.
 */
public record EditionChoice(String standard, String catalog, String version, String basis) {
}
