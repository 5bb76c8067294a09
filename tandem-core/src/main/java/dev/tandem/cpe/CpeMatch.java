package dev.tandem.cpe;

import java.util.Objects;

/**
 * One match criterion of an applicability configuration (NVD {@code cpeMatch} / 1.1
 * {@code cpe_match}): the criteria name, whether a product it matches is vulnerable or only a
 * platform the vulnerable one must run on, and the version bounds (which apply when the criteria's
 * version is ANY).
 *
 * @param criteria        the criteria as written, kept for outputs
 * @param matchCriteriaId NVD's id of the criterion, "" when the record has none (1.1, CVE 5)
 */
public record CpeMatch(CpeName name, String criteria, boolean vulnerable, VersionBounds bounds,
        String matchCriteriaId) {

    public CpeMatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criteria, "criteria");
        bounds = bounds == null ? VersionBounds.NONE : bounds;
        matchCriteriaId = matchCriteriaId == null ? "" : matchCriteriaId;
    }

    /** What one criterion says about one name. */
    public sealed interface Outcome {
        /** The name matches the criterion. */
        record Match() implements Outcome {
        }

        /** It does not. */
        record NoMatch() implements Outcome {
        }

        /** The product matches but the name lacks what the criterion needs to decide (a version). */
        record Undecided(String reason) implements Outcome {
        }
    }

    private static final Outcome MATCH = new Outcome.Match();
    private static final Outcome NO_MATCH = new Outcome.NoMatch();

    /**
     * Whether {@code target} (a component's CPE) matches this criterion. Part, vendor and product
     * must be equal; then the version (a range when the criteria version is ANY, an equal version
     * otherwise), the update and the other attributes decide, as docs/matching.md#cpe sets out:
     * a target's ANY (not stated) attribute matches any criteria value except in version, where it
     * leaves a range or an exact version undecided, and in update, where it stands for the release
     * itself ({@code -}), never a pre-release.
     */
    public Outcome test(CpeName target) {
        if (!samePart(target) || !name.vendor().covers(target.vendor()) || !name.product().covers(target.product())) {
            return NO_MATCH;
        }
        Outcome version = version(target.version());
        if (!(version instanceof Outcome.Match) && !(version instanceof Outcome.Undecided)) {
            return version;
        }
        if (!update(target.update())) {
            return NO_MATCH;
        }
        if (!optional(name.edition(), target.edition()) || !optional(name.language(), target.language())
                || !optional(name.swEdition(), target.swEdition()) || !optional(name.targetSw(), target.targetSw())
                || !optional(name.targetHw(), target.targetHw()) || !optional(name.other(), target.other())) {
            return NO_MATCH;
        }
        return version;
    }

    private boolean samePart(CpeName target) {
        return name.part() == CpePart.ANY || name.part() == target.part();
    }

    /*
     * Versions are compared in their quoted form (the WFN, 1\.0\.2k), not unquoted: CpeVersion reads
     * only runs of ASCII letters and digits and takes every other character as a separator, and
     * quoting adds a backslash before non-alphanumeric characters only, so both forms compare alike
     * and the hot path of a scan (thousands of criteria per component) allocates nothing.
     */
    private Outcome version(CpeValue target) {
        CpeValue criteriaVersion = name.version();
        if (criteriaVersion.isAny()) {
            if (bounds.isEmpty()) {
                return MATCH; // every version, including an unknown one
            }
            if (target.isValue()) {
                return bounds.contains(target.wfn()) ? MATCH : NO_MATCH;
            }
            return target.isNa() ? NO_MATCH
                    : new Outcome.Undecided("the component's CPE states no version, and the criterion is the range "
                            + bounds.describe());
        }
        if (criteriaVersion.isNa()) {
            // A product whose versions do not apply (hardware): an unstated version can only be that.
            return target.isNa() || target.isAny() ? MATCH : NO_MATCH;
        }
        if (target.isValue()) {
            boolean same = criteriaVersion.hasWildcards() ? criteriaVersion.covers(target)
                    : CpeVersion.compare(criteriaVersion.wfn(), target.wfn()) == 0;
            return same ? MATCH : NO_MATCH;
        }
        return target.isNa() ? NO_MATCH
                : new Outcome.Undecided("the component's CPE states no version, and the criterion names version "
                        + criteriaVersion.plain());
    }

    /** Update: a criterion's ANY takes every update; its NA (the release) takes NA and an unstated one; a value needs that value. */
    private boolean update(CpeValue target) {
        CpeValue criteriaUpdate = name.update();
        if (criteriaUpdate.isAny()) {
            return true;
        }
        if (criteriaUpdate.isNa()) {
            return target.isNa() || target.isAny();
        }
        return criteriaUpdate.covers(target);
    }

    /** Edition, language, sw_edition, target_sw, target_hw, other: an unstated target attribute matches. */
    private static boolean optional(CpeValue criteria, CpeValue target) {
        return criteria.isAny() || target.isAny() || criteria.covers(target);
    }

    /** The criterion in words: the criteria and its bounds, "cpe:2.3:a:openssl:openssl:*:… from 1.0.1 (including) …". */
    public String describe() {
        String range = bounds.describe();
        return range.isEmpty() ? criteria : criteria + " " + range;
    }
}
