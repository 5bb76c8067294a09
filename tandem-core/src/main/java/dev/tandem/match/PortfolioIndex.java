package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.version.RangeVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse question: given one new advisory, which components of a portfolio of SBOMs does it
 * affect? Every matchable component of every SBOM is indexed once by {@link PackageKey}; answering
 * is one hash lookup per {@code affected[]} package of the advisory plus one range evaluation per
 * component of that package. The same identity, release and range rules as {@link Matcher}.
 * Immutable and thread-safe once built.
 */
public final class PortfolioIndex {

    /** One component under its package key, with what evaluating it needs. */
    private record Member(int sbomIndex, Component component, String release, String version) {
    }

    private final List<Sbom> sboms;
    private final Map<PackageKey, List<Member>> members;
    private final int componentCount;

    private PortfolioIndex(List<Sbom> sboms, Map<PackageKey, List<Member>> members, int componentCount) {
        this.sboms = sboms;
        this.members = members;
        this.componentCount = componentCount;
    }

    /** Indexes the components of {@code sboms}; a purl listed twice in one SBOM counts once, as in a scan. */
    public static PortfolioIndex build(List<Sbom> sboms) {
        Map<PackageKey, List<Member>> members = new HashMap<>();
        Map<String, ComponentIdentity> identities = new HashMap<>(); // products share most of their components
        int count = 0;
        for (int s = 0; s < sboms.size(); s++) {
            Set<String> seen = new HashSet<>();
            for (Component component : sboms.get(s).components()) {
                if (component.purl().isEmpty() || !seen.add(component.purl())) {
                    continue;
                }
                ComponentIdentity identity = identities.computeIfAbsent(component.purl() + "\u0000" + component.version(),
                        k -> PurlIdentities.of(component));
                if (identity instanceof ComponentIdentity.Known known) {
                    members.computeIfAbsent(known.key(), k -> new ArrayList<>(4))
                            .add(new Member(s, component, known.release(), known.version()));
                    count++;
                }
            }
        }
        members.replaceAll((key, list) -> List.copyOf(list));
        return new PortfolioIndex(List.copyOf(sboms), Map.copyOf(members), count);
    }

    /** The impact of one advisory on its own (no alias merging with other advisories, no KEV). */
    public PortfolioImpact affectedBy(Advisory advisory) {
        return affectedBy(advisory, List.of());
    }

    /** The impact of one advisory, marked known-exploited when a KEV entry names one of its CVE aliases. */
    public PortfolioImpact affectedBy(Advisory advisory, List<KevEntry> kev) {
        AdvisoryDatabase single = AdvisoryDatabase.build(List.of(advisory), kev);
        if (single.vulnerabilities().isEmpty()) {
            return new PortfolioImpact(new Vulnerability(advisory.id(), new java.util.TreeSet<>(), List.of(advisory),
                    null, List.of()), List.of(), List.of()); // withdrawn: affects nothing
        }
        return affectedBy(single.vulnerabilities().get(0));
    }

    /** The impact of an (alias-merged) vulnerability: every advisory of it, every affected package. */
    public PortfolioImpact affectedBy(Vulnerability vulnerability) {
        List<PortfolioHit> affected = new ArrayList<>();
        List<PortfolioHit> undecided = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Advisory advisory : vulnerability.advisories()) {
            for (AffectedPackage affectedPackage : advisory.affected()) {
                if (!IndexEntry.isIndexable(affectedPackage)) {
                    continue;
                }
                List<Member> candidates = members.get(IndexEntry.keyOf(affectedPackage));
                if (candidates == null) {
                    continue;
                }
                IndexEntry entry = IndexEntry.of(vulnerability, advisory, affectedPackage);
                for (Member member : candidates) {
                    if (!Matcher.releaseApplies(entry.release(), member.release())) {
                        continue;
                    }
                    String once = member.sbomIndex() + "\u0000" + member.component().purl();
                    if (entry.versions() == null) {
                        undecided.add(hit(member, advisory, entry.unevaluable(), List.of(), ""));
                        continue;
                    }
                    switch (entry.versions().evaluate(member.version())) {
                        case RangeVerdict.Affected hit -> {
                            if (reported.add(once)) {
                                String note = !entry.release().isEmpty() && member.release().isEmpty()
                                        ? "distribution release not given in the purl (distro qualifier); matched against every release"
                                        : "";
                                affected.add(hit(member, advisory, hit.matchedBy(), hit.fixedIn(), note));
                            }
                        }
                        case RangeVerdict.NotAffected notAffected -> {
                        }
                        case RangeVerdict.NotEvaluated notEvaluated ->
                                undecided.add(hit(member, advisory, notEvaluated.reason(), List.of(), ""));
                    }
                }
            }
        }
        undecided.removeIf(hit -> reported.contains(hit.sbomIndex() + "\u0000" + hit.component().purl()));
        return new PortfolioImpact(vulnerability, affected, undecided);
    }

    private PortfolioHit hit(Member member, Advisory advisory, String matchedBy, List<String> fixedIn, String note) {
        return new PortfolioHit(member.sbomIndex(), sboms.get(member.sbomIndex()), member.component(), advisory.id(),
                advisory.id() + ": " + matchedBy, fixedIn, note);
    }

    /** How many SBOMs the portfolio holds. */
    public int sbomCount() {
        return sboms.size();
    }

    /** How many matchable components (distinct purls per SBOM) are indexed. */
    public int componentCount() {
        return componentCount;
    }

    /** How many distinct packages the portfolio's components name. */
    public int packageCount() {
        return members.size();
    }
}
