package dev.tandem.match;

import dev.tandem.sbom.Component;

/**
 * An advisory names the component's package but whether this version is affected could not be
 * decided without guessing (only GIT ranges, an unparseable version, no ordering): reported for a
 * human to check, never counted as a finding.
 */
public record UndecidedMatch(Component component, String vulnerabilityId, String advisoryId, String reason) {
}
