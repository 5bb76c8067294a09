package dev.tandem.match;

import dev.tandem.sbom.Component;

/**
 * An advisory or record names the component but whether it is affected could not be decided
 * without guessing (only GIT ranges, an unparseable version, no ordering; a CPE configuration that
 * needs a platform the SBOM does not list, or a version the component's CPE does not state):
 * reported for a human to check, never counted as a finding.
 *
 * @param advisoryId the advisory or record that could not be decided
 * @param matchedBy  OSV for an OSV advisory, CPE for a CPE configuration
 * @param cpe        the component's CPE that was judged (formatted string); "" for OSV
 */
public record UndecidedMatch(Component component, String vulnerabilityId, String advisoryId, String reason,
        MatchSource matchedBy, String cpe) {

    public UndecidedMatch {
        matchedBy = matchedBy == null ? MatchSource.OSV : matchedBy;
        cpe = cpe == null ? "" : cpe;
    }

    /** An undecided OSV advisory. */
    public UndecidedMatch(Component component, String vulnerabilityId, String advisoryId, String reason) {
        this(component, vulnerabilityId, advisoryId, reason, MatchSource.OSV, "");
    }
}
