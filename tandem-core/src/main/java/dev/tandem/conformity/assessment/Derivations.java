package dev.tandem.conformity.assessment;

import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.conformity.profile.Evidence;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a profile's direct evidence implies for other requirements through the crosswalks, one hop.
 * Relationships are read by content, as NIST IR 8477 and the OSCAL mapping model define them: when the
 * evidence side contains the requirement (equivalent, or superset of it) meeting the evidence side meets
 * it; when the evidence side is contained in it (equivalent, or subset of it) the evidence side not being
 * met means it is not met either. Every other link with some met or partial evidence gives only
 * "partial"; "intersects" never carries "met" or "not met".
 */
final class Derivations {

    private final List<Crosswalk> crosswalks;
    private final ProductProfile profile;

    Derivations(List<Crosswalk> crosswalks, ProductProfile profile) {
        this.crosswalks = List.copyOf(crosswalks);
        this.profile = profile;
    }

    List<Crosswalk> crosswalks() {
        return crosswalks;
    }

    /** A derived status and how it was derived. */
    record Derived(Status status, Derivation derivation) {
    }

    /** One crosswalk entry that can lend evidence to a requirement, with the relationship of the evidence side to it. */
    private record Candidate(String catalog, List<String> evidenceIds, String mapping, Relationship relationship,
            String rationale) {
    }

    /** The strongest status derived for a requirement without direct evidence, if any crosswalk gives one. */
    Optional<Derived> best(String catalogId, String requirementId) {
        Derived best = null;
        for (Candidate candidate : candidates(catalogId, requirementId)) {
            Status derived = derive(candidate);
            if (derived != null && (best == null || rank(derived) > rank(best.status()))) {
                best = new Derived(derived, new Derivation(candidate.catalog(), candidate.evidenceIds(), candidate.mapping(),
                        candidate.relationship(), derived == Status.MET, derived == Status.NOT_MET, candidate.rationale()));
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The contradictions between a directly assessed status and what other direct evidence definitely
     * implies: an implied "met" next to an assessed "not met" or "partial", or an implied "not met" next
     * to an assessed "met". Requirements without direct evidence have none.
     */
    List<Contradiction> contradictions(String catalogId, String requirementId, Status status) {
        if (profile.evidenceFor(catalogId, requirementId).isEmpty()) {
            return List.of();
        }
        List<Contradiction> found = new ArrayList<>();
        for (Candidate c : candidates(catalogId, requirementId)) {
            Status implied = implied(c);
            boolean clash = (implied == Status.MET && (status == Status.NOT_MET || status == Status.PARTIAL))
                    || (implied == Status.NOT_MET && status == Status.MET);
            if (clash) {
                String evidence = String.join(", ", c.evidenceIds()) + " (" + c.catalog() + ")";
                String explanation = implied == Status.MET
                        ? "evidence for " + evidence + " is met and contains " + requirementId + " (" + c.relationship().label()
                                + " through " + c.mapping() + "), so " + requirementId + " cannot be '" + status.label() + "'"
                        : "evidence for " + evidence + " is not met and is contained in " + requirementId + " ("
                                + c.relationship().label() + " through " + c.mapping() + "), so " + requirementId
                                + " cannot be met";
                found.add(new Contradiction(catalogId, requirementId, status, implied, c.mapping(), c.relationship(),
                        c.catalog(), c.evidenceIds(), explanation));
            }
        }
        return found;
    }

    /** Every crosswalk entry that can lend evidence to the requirement, oriented evidence side -> requirement. */
    private List<Candidate> candidates(String catalogId, String requirementId) {
        List<Candidate> candidates = new ArrayList<>();
        for (Crosswalk crosswalk : crosswalks) {
            if (crosswalk.to().equals(catalogId)) {
                for (Mapping m : crosswalk.forTarget(requirementId)) {
                    // s R (t1 ∪ … ∪ tn), r among the t: with one target, s R r; with several, s ⊇ ∪T ⊇ r when
                    // s contains the union, and otherwise nothing definite is known about s and r alone.
                    Relationship fromEvidence = m.targets().size() == 1 ? m.relationship()
                            : (m.relationship().carriesMet() ? Relationship.SUPERSET : Relationship.INTERSECTS);
                    candidates.add(new Candidate(crosswalk.from(), List.of(m.source()), m.entryId(crosswalk.id()),
                            fromEvidence, m.rationale()));
                }
            }
            if (crosswalk.from().equals(catalogId)) {
                for (Mapping m : crosswalk.forSource(requirementId)) {
                    if (m.hasCounterpart()) {
                        candidates.add(new Candidate(crosswalk.to(), m.targets(), m.entryId(crosswalk.id()),
                                m.relationship().inverse(), m.rationale()));
                    }
                }
            }
        }
        return candidates;
    }

    private List<Status> statuses(Candidate candidate) {
        return candidate.evidenceIds().stream()
                .map(id -> profile.evidenceFor(candidate.catalog(), id).map(Evidence::status).orElse(Status.NOT_ASSESSED))
                .toList();
    }

    /**
     * What the evidence definitely implies: "met" when the evidence side contains the requirement and all
     * of it is met (or not applicable, at least one met); "not met" when the evidence side is contained in
     * the requirement and some of it is not met; null otherwise.
     */
    private Status implied(Candidate candidate) {
        List<Status> statuses = statuses(candidate);
        boolean anyMet = statuses.contains(Status.MET);
        boolean allMetOrNa = statuses.stream().allMatch(s -> s == Status.MET || s == Status.NOT_APPLICABLE);
        if (anyMet && allMetOrNa && candidate.relationship().carriesMet()) {
            return Status.MET;
        }
        if (statuses.contains(Status.NOT_MET) && candidate.relationship().carriesNotMet()) {
            return Status.NOT_MET;
        }
        return null;
    }

    private Status derive(Candidate candidate) {
        Status implied = implied(candidate);
        if (implied != null) {
            return implied;
        }
        List<Status> statuses = statuses(candidate);
        if (statuses.stream().allMatch(s -> s == Status.NOT_APPLICABLE) && candidate.relationship() == Relationship.EQUIVALENT) {
            return Status.NOT_APPLICABLE;
        }
        if (statuses.contains(Status.MET) || statuses.contains(Status.PARTIAL)) {
            return Status.PARTIAL;
        }
        return null;
    }

    /**
     * Definite implications outrank "partial". When one entry implies "met" and another "not met" (the
     * evidence on the other sides is inconsistent), "not met" wins: never claim more than the evidence.
     */
    private static int rank(Status status) {
        return switch (status) {
            case NOT_MET -> 4;
            case MET -> 3;
            case NOT_APPLICABLE -> 2;
            case PARTIAL -> 1;
            default -> 0;
        };
    }
}
