package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.version.CompiledAffectedVersions;

/**
 * One {@code affected[]} entry of one advisory, ready to evaluate: its vulnerability, the release
 * it is limited to (empty for all), and its ranges pre-parsed with the ecosystem's ordering
 * ({@code versions} is null when the ecosystem has no ordering we can evaluate; {@code unevaluable}
 * then says why).
 */
public record IndexEntry(Vulnerability vulnerability, Advisory advisory, AffectedPackage affected, String release,
        CompiledAffectedVersions versions, String unevaluable) {
}
