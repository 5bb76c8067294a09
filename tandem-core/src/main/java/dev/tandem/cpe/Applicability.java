package dev.tandem.cpe;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applicability statement of one record: configurations that are alternatives (any one that
 * holds makes the record apply), each a tree of {@link ApplicabilityNode}s.
 *
 * <p>How a component is judged (docs/matching.md#configurations): the component must match a
 * criterion marked vulnerable, outside any negated node, and the configuration must hold for the
 * whole inventory along the way — an AND node needs every one of its children to hold, so a
 * firmware criterion joined by AND to a hardware criterion applies only when the SBOM lists that
 * hardware. Nodes are judged in three values ({@link Truth}): a platform the SBOM does not list is
 * UNKNOWN, and a configuration that would hold if it were listed is reported as undecided, never as
 * a finding and never passed over in silence. A component that matches only criteria marked
 * {@code vulnerable: false} (a platform) is never affected.
 */
public record Applicability(List<ApplicabilityNode.Group> configurations) {

    /** No configuration at all: the record applies to nothing (not yet analysed, or rejected). */
    public static final Applicability NONE = new Applicability(List.of());

    public Applicability {
        configurations = List.copyOf(configurations);
    }

    public boolean isEmpty() {
        return configurations.isEmpty();
    }

    /** Every criterion of every configuration, in document order. */
    public List<CpeMatch> matches() {
        List<CpeMatch> all = new ArrayList<>();
        for (ApplicabilityNode.Group configuration : configurations) {
            collect(configuration, all);
        }
        return all;
    }

    private static void collect(ApplicabilityNode node, List<CpeMatch> into) {
        switch (node) {
            case ApplicabilityNode.Leaf leaf -> into.add(leaf.match());
            case ApplicabilityNode.Group group -> group.children().forEach(child -> collect(child, into));
        }
    }

    /**
     * The product keys ({@link CpeName#productKey()}) of the criteria marked vulnerable outside any
     * negated node: a component can be affected only through one of them, so records are indexed by
     * them.
     */
    public Set<String> vulnerableProducts() {
        Set<String> keys = new LinkedHashSet<>();
        for (ApplicabilityNode.Group configuration : configurations) {
            vulnerableProducts(configuration, keys);
        }
        return keys;
    }

    private static void vulnerableProducts(ApplicabilityNode node, Set<String> into) {
        switch (node) {
            case ApplicabilityNode.Leaf leaf -> {
                if (leaf.match().vulnerable()) {
                    into.add(leaf.match().name().productKey());
                }
            }
            case ApplicabilityNode.Group group -> {
                if (!group.negate()) {
                    group.children().forEach(child -> vulnerableProducts(child, into));
                }
            }
        }
    }

    /** Judges {@code component} against every configuration, with {@code inventory} for the platforms. */
    public ApplicabilityVerdict evaluate(CpeName component, Inventory inventory) {
        Evaluation evaluation = new Evaluation(component, inventory);
        List<CpeMatch> matched = new ArrayList<>();
        List<CpeMatch> platforms = new ArrayList<>();
        int first = -1;
        String undecided = null;
        for (int i = 0; i < configurations.size(); i++) {
            ApplicabilityNode.Group configuration = configurations.get(i);
            Truth supported = evaluation.supports(configuration);
            if (supported == Truth.TRUE) {
                if (first < 0) {
                    first = i;
                }
                evaluation.witnesses(configuration, matched, platforms);
            } else if (supported == Truth.UNKNOWN && undecided == null) {
                undecided = evaluation.whyUnknown(configuration);
            }
        }
        if (first >= 0) {
            return new ApplicabilityVerdict.Affected(first, dedupe(matched), dedupe(platforms));
        }
        return undecided != null ? new ApplicabilityVerdict.Undecided(undecided) : ApplicabilityVerdict.NOT_AFFECTED;
    }

    private static List<CpeMatch> dedupe(List<CpeMatch> matches) {
        return matches.size() < 2 ? List.copyOf(matches) : List.copyOf(new LinkedHashSet<>(matches));
    }

    /**
     * One component against one record. A criterion's outcome for the component is cheap and
     * allocation-free, so it is recomputed when a walk meets it again (most records are one OR of
     * criteria, met once); what the inventory says about a platform criterion is looked up in the
     * whole SBOM, so it is kept, in a map made only when a record has platforms.
     */
    private static final class Evaluation {
        private final CpeName component;
        private final Inventory inventory;
        private Map<CpeMatch, Truth> truths;

        Evaluation(CpeName component, Inventory inventory) {
            this.component = component;
            this.inventory = inventory;
        }

        private CpeMatch.Outcome outcome(CpeMatch match) {
            return match.test(component);
        }

        private Truth truth(CpeMatch match) {
            if (truths == null) {
                truths = new IdentityHashMap<>();
            }
            return truths.computeIfAbsent(match, inventory::test);
        }

        /** Does the component make this node hold, through a vulnerable criterion it matches? */
        Truth supports(ApplicabilityNode node) {
            return switch (node) {
                case ApplicabilityNode.Leaf leaf -> {
                    if (!leaf.match().vulnerable()) {
                        yield Truth.FALSE;
                    }
                    yield switch (outcome(leaf.match())) {
                        case CpeMatch.Outcome.Match m -> Truth.TRUE;
                        case CpeMatch.Outcome.Undecided u -> Truth.UNKNOWN;
                        case CpeMatch.Outcome.NoMatch n -> Truth.FALSE;
                    };
                }
                case ApplicabilityNode.Group group -> {
                    if (group.negate()) {
                        yield Truth.FALSE; // nothing is vulnerable by not being something
                    }
                    Truth through = Truth.FALSE;
                    for (ApplicabilityNode child : group.children()) {
                        through = through.or(supports(child));
                    }
                    if (group.operator() == Operator.OR) {
                        yield through;
                    }
                    Truth all = Truth.TRUE;
                    for (ApplicabilityNode child : group.children()) {
                        all = all.and(holds(child));
                    }
                    yield through.and(all);
                }
            };
        }

        /** Does the node hold for the inventory as a whole? */
        Truth holds(ApplicabilityNode node) {
            return switch (node) {
                case ApplicabilityNode.Leaf leaf -> truth(leaf.match());
                case ApplicabilityNode.Group group -> {
                    Truth result = group.operator() == Operator.AND ? Truth.TRUE : Truth.FALSE;
                    for (ApplicabilityNode child : group.children()) {
                        Truth value = holds(child);
                        result = group.operator() == Operator.AND ? result.and(value) : result.or(value);
                    }
                    // An empty group holds nothing: an OR of nothing is false, and so is an AND of nothing.
                    if (group.children().isEmpty()) {
                        result = Truth.FALSE;
                    }
                    yield group.negate() ? result.not() : result;
                }
            };
        }

        /** The vulnerable criteria the component matched and the platform criteria that held, in a node it supports. */
        void witnesses(ApplicabilityNode node, List<CpeMatch> matched, List<CpeMatch> platforms) {
            switch (node) {
                case ApplicabilityNode.Leaf leaf -> {
                    if (leaf.match().vulnerable() && outcome(leaf.match()) instanceof CpeMatch.Outcome.Match) {
                        matched.add(leaf.match());
                    } else if (truth(leaf.match()) == Truth.TRUE) {
                        platforms.add(leaf.match());
                    }
                }
                case ApplicabilityNode.Group group -> {
                    for (ApplicabilityNode child : group.children()) {
                        if (supports(child) == Truth.TRUE) {
                            witnesses(child, matched, platforms);
                        } else if (group.operator() == Operator.AND) {
                            platformsOf(child, platforms);
                        }
                    }
                }
            }
        }

        private void platformsOf(ApplicabilityNode node, List<CpeMatch> platforms) {
            switch (node) {
                case ApplicabilityNode.Leaf leaf -> {
                    if (truth(leaf.match()) == Truth.TRUE) {
                        platforms.add(leaf.match());
                    }
                }
                case ApplicabilityNode.Group group -> {
                    if (!group.negate()) {
                        group.children().forEach(child -> platformsOf(child, platforms));
                    }
                }
            }
        }

        /** Why a configuration the component takes part in can be neither confirmed nor ruled out. */
        String whyUnknown(ApplicabilityNode.Group configuration) {
            List<String> unlisted = new ArrayList<>();
            String versionReason = null;
            for (CpeMatch match : new Applicability(List.of(configuration)).matches()) {
                CpeMatch.Outcome own = outcome(match);
                if (match.vulnerable() && own instanceof CpeMatch.Outcome.Undecided undecided) {
                    versionReason = versionReason == null ? undecided.reason() : versionReason;
                } else if (!(own instanceof CpeMatch.Outcome.Match) && truth(match) == Truth.UNKNOWN
                        && !match.name().productKey().equals(component.productKey())) {
                    unlisted.add(match.describe());
                }
            }
            if (!unlisted.isEmpty()) {
                String shown = String.join("; ", unlisted.subList(0, Math.min(3, unlisted.size())))
                        + (unlisted.size() > 3 ? "; and " + (unlisted.size() - 3) + " more" : "");
                return "applies only together with " + shown + ", which the SBOM does not list";
            }
            return versionReason != null ? versionReason : "the configuration can be neither confirmed nor ruled out";
        }
    }
}
