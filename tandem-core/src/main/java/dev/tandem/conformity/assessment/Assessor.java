package dev.tandem.conformity.assessment;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.conformity.profile.CraClass;
import dev.tandem.conformity.profile.Evidence;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.Status;
import dev.tandem.sbom.quality.QualityChecker;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.sbom.quality.SbomFacts;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses a product profile against every catalog of a knowledge base. Derivation is one hop from
 * direct evidence only, so a derived status never feeds another derivation (no chains, no cycles).
 * The SBOMs the profile references come in as their facts: the assessor reads and parses nothing.
 */
public final class Assessor {

    /** Which market each regime serves; EN 303 645 is a standard both sides can use as evidence. */
    private static final Map<String, String> MARKETS = Map.of("cra-annex-i", "EU", "nist-ir-8425", "US");

    private final ConformityKnowledgeBase knowledge;
    private final List<QualityProfile> sbomProfiles;

    /** An assessor over these catalogs and crosswalks, checking referenced SBOMs against these quality profiles. */
    public Assessor(ConformityKnowledgeBase knowledge, List<QualityProfile> sbomProfiles) {
        this.knowledge = knowledge;
        this.sbomProfiles = List.copyOf(sbomProfiles);
    }

    /**
     * Assesses the profile. {@code sboms} holds what the caller found for the SBOM paths the profile
     * references, keyed by the path as the profile writes it; a path without an entry is reported as
     * not found.
     */
    public Assessment assess(ProductProfile given, Map<String, SbomInput> sboms) {
        ProductProfile profile = knowledge.withCatalogIds(given);
        List<String> warnings = new ArrayList<>(profile.warnings());
        warnings.addAll(unknownEvidence(profile));
        List<RegimeResult> regimes = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (RequirementCatalog catalog : knowledge.catalogs()) {
            String market = MARKETS.get(catalog.id());
            List<RequirementResult> results = new ArrayList<>();
            for (Requirement requirement : catalog.assessed()) {
                RequirementResult result = resultFor(profile, catalog, requirement);
                results.add(result);
                boolean counted = market != null && (profile.markets().isEmpty() || profile.soldIn(market));
                if (counted && result.status() != Status.MET && result.status() != Status.NOT_APPLICABLE) {
                    gaps.add(new Gap(catalog.id(), requirement.id(), requirement.title(), result.status(),
                            missing(catalog, requirement, result)));
                }
            }
            regimes.add(new RegimeResult(catalog.id(), catalog.title(), market, coverage(results), counts(results),
                    results));
        }
        return new Assessment(profile.product(), profile.version(), profile.manufacturer().name(), profile.markets(),
                regimes, gaps, route(profile), supportPeriod(profile), sbomResults(profile, sboms), warnings);
    }

    private RequirementResult resultFor(ProductProfile profile, RequirementCatalog catalog, Requirement requirement) {
        Optional<Evidence> direct = profile.evidenceFor(catalog.id(), requirement.id());
        if (direct.isPresent()) {
            Evidence e = direct.get();
            return new RequirementResult(requirement.id(), requirement.title(), e.status(), null, e.justification(),
                    e.links(), requirement.confidence());
        }
        Candidate best = null;
        for (Candidate candidate : candidates(catalog.id(), requirement.id())) {
            Status derived = derive(profile, candidate);
            if (derived != null && (best == null || rank(derived) > rank(best.derived))) {
                best = candidate.with(derived);
            }
        }
        if (best == null) {
            return new RequirementResult(requirement.id(), requirement.title(), Status.NOT_ASSESSED, null, null, null,
                    requirement.confidence());
        }
        Derivation derivation = new Derivation(best.catalog, best.evidenceIds, best.mapping, best.relationship,
                best.derived == Status.MET);
        return new RequirementResult(requirement.id(), requirement.title(), best.derived, derivation, null, null,
                requirement.confidence());
    }

    /** Every crosswalk entry that can lend evidence to the requirement, oriented evidence side -> requirement. */
    private List<Candidate> candidates(String catalogId, String requirementId) {
        List<Candidate> candidates = new ArrayList<>();
        for (Crosswalk crosswalk : knowledge.crosswalks()) {
            if (crosswalk.to().equals(catalogId)) {
                for (Mapping m : crosswalk.forTarget(requirementId)) {
                    // s R (t1 ∪ … ∪ tn) with r among the t: s ⊇ ∪T ⊇ r when R carries; otherwise they only overlap.
                    Relationship fromEvidence = m.targets().size() == 1 ? m.relationship()
                            : (m.relationship().carriesMet() ? Relationship.SUPERSET : Relationship.INTERSECTS);
                    candidates.add(new Candidate(crosswalk.from(), List.of(m.source()), m.entryId(crosswalk.id()),
                            fromEvidence, null));
                }
            }
            if (crosswalk.from().equals(catalogId)) {
                for (Mapping m : crosswalk.forSource(requirementId)) {
                    if (m.hasCounterpart()) {
                        candidates.add(new Candidate(crosswalk.to(), m.targets(), m.entryId(crosswalk.id()),
                                m.relationship().inverse(), null));
                    }
                }
            }
        }
        return candidates;
    }

    private static Status derive(ProductProfile profile, Candidate candidate) {
        List<Status> statuses = candidate.evidenceIds.stream()
                .map(id -> profile.evidenceFor(candidate.catalog, id).map(Evidence::status).orElse(Status.NOT_ASSESSED))
                .toList();
        boolean anyMet = statuses.contains(Status.MET);
        boolean allMetOrNa = statuses.stream().allMatch(s -> s == Status.MET || s == Status.NOT_APPLICABLE);
        if (anyMet && allMetOrNa && candidate.relationship.carriesMet()) {
            return Status.MET;
        }
        if (statuses.stream().allMatch(s -> s == Status.NOT_APPLICABLE) && candidate.relationship == Relationship.EQUIVALENT) {
            return Status.NOT_APPLICABLE;
        }
        if (anyMet || statuses.contains(Status.PARTIAL)) {
            return Status.PARTIAL;
        }
        // Equivalent sides stand or fall together: "not met" on the evidence side (with nothing of it met
        // or partial) is "not met" here too; a superset or subset says nothing about failure.
        if (statuses.contains(Status.NOT_MET) && candidate.relationship == Relationship.EQUIVALENT) {
            return Status.NOT_MET;
        }
        return null;
    }

    private static int rank(Status status) {
        return switch (status) {
            case MET -> 3;
            case NOT_APPLICABLE -> 2;
            case PARTIAL -> 1;
            default -> 0;
        };
    }

    private String missing(RequirementCatalog catalog, Requirement requirement, RequirementResult result) {
        List<String> parts = new ArrayList<>();
        if (result.derivedFrom() == null && result.status() == Status.NOT_ASSESSED) {
            parts.add("no evidence in the profile, and none carries over through a crosswalk");
        } else if (result.derivedFrom() == null) {
            parts.add("evidence is marked '" + result.status().label() + "'"
                    + (result.justification() == null ? "" : " (" + result.justification() + ")"));
        } else {
            Derivation d = result.derivedFrom();
            if (result.status() == Status.NOT_MET) {
                parts.add("evidence for " + String.join(", ", d.requirements()) + " (" + d.catalog()
                        + ") is 'not met', and the two are equivalent through " + d.mapping());
            } else {
                parts.add("evidence for " + String.join(", ", d.requirements()) + " (" + d.catalog()
                        + ") carries over only partly: " + d.relationship().label() + " through " + d.mapping());
            }
        }
        Set<String> gapTexts = new LinkedHashSet<>();
        for (Crosswalk crosswalk : knowledge.crosswalks()) {
            if (crosswalk.from().equals(catalog.id())) {
                crosswalk.forSource(requirement.id()).forEach(m -> addGap(gapTexts, m));
            }
            if (crosswalk.to().equals(catalog.id())) {
                crosswalk.forTarget(requirement.id()).forEach(m -> addGap(gapTexts, m));
            }
        }
        if (!gapTexts.isEmpty()) {
            parts.add("known differences: " + String.join("; ", gapTexts));
        }
        return String.join("; ", parts);
    }

    private static void addGap(Set<String> gapTexts, Mapping m) {
        if (m.gap() != null && !m.gap().isBlank()) {
            gapTexts.add(m.gap());
        }
    }

    private static double coverage(List<RequirementResult> results) {
        long applicable = results.stream().filter(r -> r.status() != Status.NOT_APPLICABLE).count();
        long met = results.stream().filter(r -> r.status() == Status.MET).count();
        return applicable == 0 ? 1.0 : Math.round(10_000.0 * met / applicable) / 10_000.0;
    }

    private static Map<String, Integer> counts(List<RequirementResult> results) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.label(), (int) results.stream().filter(r -> r.status() == status).count());
        }
        counts.put("derived", (int) results.stream().filter(r -> r.derivedFrom() != null).count());
        counts.put("total", results.size());
        return counts;
    }

    private RouteResult route(ProductProfile profile) {
        ConformityRoutes.ClassRoutes routes = knowledge.routes().forClass(profile.craClass()).orElseThrow();
        String chosen = profile.eu() == null ? null : profile.eu().conformityModule();
        RouteCheck check = checkRoute(profile.craClass(), chosen);
        return new RouteResult(routes.craClass(), routes.title(), routes.routes(), chosen, check.allowed(),
                check.finding(), routes.note(), routes.source(), routes.confidence());
    }

    private record RouteCheck(Boolean allowed, String finding) {
    }

    /** Whether Art. 32 lets a product of this class use the named module (Annex VIII) or certification. */
    private static RouteCheck checkRoute(CraClass craClass, String chosen) {
        if (chosen == null) {
            return new RouteCheck(null, "no conformity-assessment route named in the profile (eu.conformityModule)");
        }
        String text = chosen.toLowerCase(Locale.ROOT);
        boolean moduleA = text.matches(".*\\bmodule a\\b.*");
        boolean moduleBC = text.matches(".*\\bmodule b\\b.*");
        boolean moduleH = text.matches(".*\\bmodule h\\b.*");
        boolean certification = text.contains("certif") || text.contains("eucc");
        if (!moduleA && !moduleBC && !moduleH && !certification) {
            return new RouteCheck(null, "'" + chosen + "' is not recognised as Module A, Module B + Module C, "
                    + "Module H or a European cybersecurity certification scheme");
        }
        if (moduleBC && !text.matches(".*\\bmodule c\\b.*")) {
            return new RouteCheck(false, "Module B is only a route together with Module C (Annex VIII Parts II and III)");
        }
        if (!moduleA) {
            return new RouteCheck(true, "allowed for this class (Art. 32)");
        }
        return switch (craClass) {
            case DEFAULT -> new RouteCheck(true, "allowed for this class (Art. 32(1))");
            case IMPORTANT_I -> new RouteCheck(true, "Module A is allowed for Class I only where harmonised standards, "
                    + "common specifications or a European cybersecurity certification (at least 'substantial') are "
                    + "applied in full (Art. 32(2)), or for free and open-source software with public technical "
                    + "documentation (Art. 32(5)); eu.standards must show which");
            case IMPORTANT_II, CRITICAL -> new RouteCheck(false, "Module A is not allowed for this class (Art. 32(3), "
                    + "32(4)), except for free and open-source software with public technical documentation (Art. 32(5))");
        };
    }

    private SupportPeriodResult supportPeriod(ProductProfile profile) {
        ConformityRoutes.SupportPeriodRule rule = knowledge.routes().supportPeriod();
        var placed = profile.placedOnMarket();
        var end = profile.supportPeriod() == null ? null : profile.supportPeriod().end();
        if (placed == null || end == null) {
            return new SupportPeriodResult(placed, end, null, false,
                    "cannot check: the profile needs placedOnMarket and supportPeriod.end", rule.source());
        }
        // The end date is the last day of support, so it counts: 2027-12-11 to 2032-12-10 is five full years.
        long months = ChronoUnit.MONTHS.between(placed, end.plusDays(1));
        long floor = rule.minimumYears() * 12L;
        if (months >= floor) {
            return new SupportPeriodResult(placed, end, months, true,
                    months + " months, at least the " + rule.minimumYears() + "-year minimum", rule.source());
        }
        Integer expected = profile.supportPeriod().expectedUseYears();
        if (expected != null && expected < rule.minimumYears() && months >= expected * 12L) {
            boolean justified = profile.supportPeriod().rationale() != null;
            return new SupportPeriodResult(placed, end, months, justified,
                    months + " months, shorter than " + rule.minimumYears() + " years, allowed only because the expected use time is "
                            + expected + " years" + (justified ? "" : "; the rationale (Annex VII(4)) is missing"),
                    rule.source());
        }
        return new SupportPeriodResult(placed, end, months, false,
                months + " months, shorter than the " + rule.minimumYears() + "-year minimum", rule.source());
    }

    private List<SbomReferenceResult> sbomResults(ProductProfile profile, Map<String, SbomInput> sboms) {
        List<SbomReferenceResult> results = new ArrayList<>();
        for (ProductProfile.SbomReference ref : profile.sboms()) {
            if (ref.path() == null) {
                results.add(new SbomReferenceResult(ref.url(), ref.format(), false,
                        "remote SBOM, not fetched (Tandem works offline)", List.of()));
                continue;
            }
            switch (sboms.get(ref.path())) {
                case null -> results.add(new SbomReferenceResult(ref.path(), ref.format(), false,
                        "not found (looked for " + ref.path() + " next to the profile)", List.of()));
                case SbomInput.Unreadable unreadable -> results.add(new SbomReferenceResult(ref.path(), ref.format(),
                        true, "unreadable: " + unreadable.problem(), List.of()));
                case SbomInput.Facts facts -> results.add(checked(ref, facts.facts()));
            }
        }
        if (results.isEmpty()) {
            results.add(new SbomReferenceResult(null, null, false,
                    "no SBOM referenced: CRA Annex I Part II(1) requires one (at least top-level dependencies)", List.of()));
        }
        return results;
    }

    /** The SBOM's components and its verdict under every quality profile. */
    private SbomReferenceResult checked(ProductProfile.SbomReference ref, SbomFacts facts) {
        List<SbomReferenceResult.SbomCheck> checks = new ArrayList<>();
        for (QualityProfile quality : sbomProfiles) {
            QualityReport report = QualityChecker.check(facts, quality);
            checks.add(new SbomReferenceResult.SbomCheck(quality.id(), report.passed(),
                    report.violations().stream().map(v -> v.level() + " " + v.field() + ": " + v.message()).toList()));
        }
        String verdict = String.join(", ", checks.stream()
                .map(c -> c.profile() + (c.passed() ? " passed" : " below the profile (" + c.violations().size() + " violations)"))
                .toList());
        return new SbomReferenceResult(ref.path(), ref.format(), true, facts.components().size() + " components; " + verdict,
                checks);
    }

    private List<String> unknownEvidence(ProductProfile profile) {
        List<String> warnings = new ArrayList<>();
        profile.evidence().forEach((catalogId, items) -> {
            Optional<RequirementCatalog> catalog = knowledge.catalog(catalogId);
            if (catalog.isEmpty()) {
                warnings.add(profile.source() + ": at /evidence/" + catalogId + ": unknown catalog, evidence ignored");
                return;
            }
            items.keySet().stream().sorted().forEach(id -> {
                if (catalog.get().find(id).isEmpty()) {
                    warnings.add(profile.source() + ": at /evidence/" + catalogId + "/" + id
                            + ": no such requirement in " + catalogId + ", evidence ignored");
                }
            });
        });
        return warnings;
    }

    private record Candidate(String catalog, List<String> evidenceIds, String mapping, Relationship relationship,
            Status derived) {
        Candidate with(Status status) {
            return new Candidate(catalog, evidenceIds, mapping, relationship, status);
        }
    }
}
