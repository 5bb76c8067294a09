package dev.tandem.cpe;

import java.util.List;
import java.util.Objects;

/**
 * A node of an applicability configuration: a group of nodes joined by an {@link Operator},
 * possibly negated, or one match criterion.
 */
public sealed interface ApplicabilityNode {

    /**
     * A group: NVD 2.0 configurations and their nodes, NVD 1.1 nodes with their {@code children} and
     * {@code cpe_match} entries.
     */
    record Group(Operator operator, boolean negate, List<ApplicabilityNode> children) implements ApplicabilityNode {
        public Group {
            Objects.requireNonNull(operator, "operator");
            children = List.copyOf(children);
        }
    }

    /** One match criterion. */
    record Leaf(CpeMatch match) implements ApplicabilityNode {
        public Leaf {
            Objects.requireNonNull(match, "match");
        }
    }
}
