package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.version.CompiledAffectedVersions;
import dev.tandem.version.RangeEvaluator;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import java.util.List;

/**
 * One {@code affected[]} entry of one advisory, ready to evaluate: its vulnerability, the release
 * it is limited to (empty for all), and its ranges pre-parsed with the ecosystem's ordering
 * ({@code versions} is null when the ecosystem has no ordering we can evaluate; {@code unevaluable}
 * then says why).
 */
public record IndexEntry(Vulnerability vulnerability, Advisory advisory, AffectedPackage affected, String release,
        CompiledAffectedVersions versions, String unevaluable) {

    /** True when the entry names a package to look up by (GIT-only entries may name none). */
    public static boolean isIndexable(AffectedPackage affected) {
        return !affected.ecosystem().isBlank() && !affected.name().isBlank();
    }

    /** The key an indexable entry is found under. */
    public static PackageKey keyOf(AffectedPackage affected) {
        return PackageNames.key(EcosystemName.parse(affected.ecosystem()).base(), affected.name());
    }

    /**
     * The entry of one {@code affected[]} package: its ranges compiled with the ecosystem's ordering
     * (SEMVER ordering when the ecosystem has none but every range is SEMVER), or unevaluable.
     */
    public static IndexEntry of(Vulnerability vulnerability, Advisory advisory, AffectedPackage affected) {
        EcosystemName ecosystem = EcosystemName.parse(affected.ecosystem());
        VersionScheme ordering = VersionSchemes.forEcosystem(ecosystem.base()).orElse(null);
        if (ordering == null && onlySemverRanges(affected)) {
            ordering = VersionSchemes.semver(); // SEMVER ranges carry their own ordering
        }
        if (ordering == null) {
            return new IndexEntry(vulnerability, advisory, affected, ecosystem.release(), null,
                    "no version ordering for ecosystem \"" + ecosystem.base() + "\"");
        }
        CompiledAffectedVersions compiled = RangeEvaluator.compile(affected.versions(), ordering);
        return new IndexEntry(vulnerability, advisory, affected, ecosystem.release(), compiled, "");
    }

    private static boolean onlySemverRanges(AffectedPackage affected) {
        List<VersionRange> ranges = affected.versions().ranges();
        return !ranges.isEmpty() && ranges.stream().allMatch(r -> r.type() == RangeType.SEMVER);
    }
}
