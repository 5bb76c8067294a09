package dev.tandem.conformity.crosswalk;

import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a crosswalk against its two catalogs: every assessed source requirement appears, every id
 * exists and is assessed, a mapped entry has a rationale, a "no relationship" entry has a reason and
 * no targets, every entry has sources and a confidence. Returns the problems; empty means sound.
 */
public final class CrosswalkCheck {

    private CrosswalkCheck() {
    }

    public static List<String> problems(Crosswalk crosswalk, RequirementCatalog from, RequirementCatalog to) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Mapping m : crosswalk.mappings()) {
            String where = crosswalk.id() + " entry " + m.source() + ": ";
            if (!seen.add(m.source())) {
                problems.add(where + "source appears twice");
            }
            if (from.find(m.source()).filter(Requirement::assessed).isEmpty()) {
                problems.add(where + "source is not an assessed requirement of " + from.id());
            }
            for (String target : m.targets()) {
                if (to.find(target).filter(Requirement::assessed).isEmpty()) {
                    problems.add(where + "target " + target + " is not an assessed requirement of " + to.id());
                }
            }
            if (m.relationship() == null) {
                problems.add(where + "relationship missing");
            } else if (m.relationship() == Relationship.NO_RELATIONSHIP) {
                if (!m.targets().isEmpty()) {
                    problems.add(where + "'no relationship' entry must not list targets");
                }
                if (blank(m.reason())) {
                    problems.add(where + "'no relationship' entry needs a reason");
                }
            } else {
                if (m.targets().isEmpty()) {
                    problems.add(where + "mapped entry needs targets");
                }
                if (blank(m.rationale())) {
                    problems.add(where + "mapped entry needs a rationale");
                }
                problems.addAll(reasoning(where, m));
            }
            if (m.sources().isEmpty()) {
                problems.add(where + "sources missing");
            }
            if (m.confidence() == null) {
                problems.add(where + "confidence missing");
            }
        }
        for (Requirement requirement : from.assessed()) {
            if (!seen.contains(requirement.id())) {
                problems.add(crosswalk.id() + ": " + requirement.id() + " is neither mapped nor marked as having no counterpart");
            }
        }
        return problems;
    }

    /**
     * The written set reasoning must be there and agree with the relationship (NIST IR 8477): equivalent
     * has nothing only on either side, superset nothing only in the targets, subset nothing only in the
     * source, intersects something only on each side; every mapped entry has something in common.
     */
    private static List<String> reasoning(String where, Mapping m) {
        List<String> problems = new ArrayList<>();
        if (blank(m.common()) || Mapping.nothing(m.common())) {
            problems.add(where + "mapped entry needs 'common': what both sides ask for");
        }
        if (blank(m.onlyInSource()) || blank(m.onlyInTargets())) {
            problems.add(where + "mapped entry needs 'onlyInSource' and 'onlyInTargets' ('" + Mapping.NOTHING + "' when empty)");
            return problems;
        }
        boolean sourceOnly = !Mapping.nothing(m.onlyInSource());
        boolean targetsOnly = !Mapping.nothing(m.onlyInTargets());
        Relationship implied = sourceOnly && targetsOnly ? Relationship.INTERSECTS
                : sourceOnly ? Relationship.SUPERSET : targetsOnly ? Relationship.SUBSET : Relationship.EQUIVALENT;
        if (implied != m.relationship()) {
            problems.add(where + "relationship '" + m.relationship().label() + "' contradicts the reasoning, which makes it '"
                    + implied.label() + "' (onlyInSource " + (sourceOnly ? "given" : "none") + ", onlyInTargets "
                    + (targetsOnly ? "given" : "none") + ")");
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
