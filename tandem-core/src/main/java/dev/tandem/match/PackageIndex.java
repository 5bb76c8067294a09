package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.version.CompiledAffectedVersions;
import dev.tandem.version.RangeEvaluator;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every affected package of every live advisory, keyed by {@link PackageKey}: matching a component
 * is one hash lookup plus the evaluation of that package's few entries.
 */
public final class PackageIndex {

    private final Map<PackageKey, List<IndexEntry>> entries;
    private final int entryCount;

    private PackageIndex(Map<PackageKey, List<IndexEntry>> entries, int entryCount) {
        this.entries = entries;
        this.entryCount = entryCount;
    }

    public static PackageIndex build(AdvisoryDatabase database) {
        Map<PackageKey, List<IndexEntry>> entries = new HashMap<>();
        Map<String, Optional<VersionScheme>> schemes = new HashMap<>();
        int count = 0;
        for (Vulnerability vulnerability : database.vulnerabilities()) {
            for (Advisory advisory : vulnerability.advisories()) {
                for (AffectedPackage affected : advisory.affected()) {
                    if (affected.ecosystem().isBlank() || affected.name().isBlank()) {
                        continue; // GIT-only entries name no package; nothing to look up by
                    }
                    EcosystemName ecosystem = EcosystemName.parse(affected.ecosystem());
                    PackageKey key = PackageNames.key(ecosystem.base(), affected.name());
                    Optional<VersionScheme> scheme = schemes.computeIfAbsent(ecosystem.base(),
                            VersionSchemes::forEcosystem);
                    entries.computeIfAbsent(key, k -> new ArrayList<>(2))
                            .add(entry(vulnerability, advisory, affected, ecosystem, scheme));
                    count++;
                }
            }
        }
        entries.replaceAll((key, list) -> List.copyOf(list));
        return new PackageIndex(Map.copyOf(entries), count);
    }

    private static IndexEntry entry(Vulnerability vulnerability, Advisory advisory, AffectedPackage affected,
            EcosystemName ecosystem, Optional<VersionScheme> scheme) {
        VersionScheme ordering = scheme.orElse(null);
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

    /** The entries of one package, empty when no advisory names it. */
    public List<IndexEntry> lookup(PackageKey key) {
        return entries.getOrDefault(key, List.of());
    }

    public int packageCount() {
        return entries.size();
    }

    public int entryCount() {
        return entryCount;
    }
}
