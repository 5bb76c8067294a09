package dev.tandem.conformity.assessment;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.classification.Classification;
import dev.tandem.conformity.classification.Classifier;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.conformity.profile.Evidence;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.sbom.quality.QualityChecker;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.sbom.quality.SbomFacts;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses a product profile against every catalog of a knowledge base (one edition of each versioned
 * standard). Derivation is one hop from direct evidence only, so a derived status never feeds another
 * derivation (no chains, no cycles); the same implications check direct evidence for contradictions.
 * The class comes from the product's category, never from a stated class alone. The SBOMs the profile
 * references come in as their facts: the assessor reads and parses nothing.
 */
public final class Assessor {

    /** Which market each regime serves; EN 303 645 is a standard both sides can use as evidence. */
    private static final Map<String, String> MARKETS = Map.of("cra-annex-i", "EU", "nist-ir-8425", "US");
    private static final String CRA = "cra-annex-i";
    /** The profile key that names the EN 303 645 edition. */
    private static final String ETSI_STANDARD = "ETSI EN 303 645";

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
     * not found. Throws for a category, class or edition the profile gets wrong.
     */
    public Assessment assess(ProductProfile given, Map<String, SbomInput> sboms) throws InputException {
        ProductProfile profile = knowledge.withCatalogIds(given);
        Classification classification = Classifier.classify(profile, knowledge.catalog(CRA).orElseThrow());
        List<String> warnings = new ArrayList<>(profile.warnings());
        warnings.addAll(unknownEvidence(profile));
        List<EditionChoice> editions = editions(profile, warnings);
        Set<String> active = activeCatalogs(editions);
        Derivations derivations = new Derivations(knowledge.crosswalks().stream()
                .filter(x -> active.contains(x.from()) && active.contains(x.to())).toList(), profile);
        List<RegimeResult> regimes = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();
        Set<String> seenContradictions = new HashSet<>();
        for (RequirementCatalog catalog : knowledge.catalogs()) {
            if (!active.contains(catalog.id())) {
                continue;
            }
            String market = MARKETS.get(catalog.id());
            List<RequirementResult> results = new ArrayList<>();
            for (Requirement requirement : catalog.assessed()) {
                RequirementResult result = resultFor(profile, catalog, requirement, derivations, warnings);
                results.add(result);
                for (Contradiction c : derivations.contradictions(catalog.id(), requirement.id(), result.status())) {
                    if (seenContradictions.add(c.mapping() + "|" + pairKey(c))) {
                        contradictions.add(c);
                    }
                }
                boolean counted = market != null && (profile.markets().isEmpty() || profile.soldIn(market));
                if (counted && result.status() != Status.MET && result.status() != Status.NOT_APPLICABLE) {
                    gaps.add(new Gap(catalog.id(), requirement.id(), requirement.title(), result.status(),
                            missing(catalog, requirement, result, derivations)));
                }
            }
            regimes.add(new RegimeResult(catalog.id(), catalog.title(), market, coverage(results), counts(results),
                    results, catalog.version()));
        }
        warnings.addAll(classification.findings());
        return new Assessment(profile.product(), profile.version(), profile.manufacturer().name(), profile.markets(),
                regimes, gaps, RouteChecker.check(knowledge.routes(), classification, profile), supportPeriod(profile),
                sbomResults(profile, sboms), warnings, classification, contradictions, editions);
    }

    /** Both ends of a contradiction, in a fixed order, so that the same pair seen from either side is reported once. */
    private static String pairKey(Contradiction c) {
        String here = c.regime() + ":" + c.requirement();
        String there = c.evidenceCatalog() + ":" + String.join("+", c.evidenceRequirements());
        return here.compareTo(there) < 0 ? here + "|" + there : there + "|" + here;
    }

    private RequirementResult resultFor(ProductProfile profile, RequirementCatalog catalog, Requirement requirement,
            Derivations derivations, List<String> warnings) {
        Optional<Evidence> direct = profile.evidenceFor(catalog.id(), requirement.id());
        if (direct.isPresent()) {
            Evidence e = direct.get();
            if (e.status() == Status.NOT_APPLICABLE && requirement.alwaysApplies()) {
                // A mandatory requirement without a condition applies to every product; counting it out would raise coverage.
                warnings.add(profile.source() + ": at /evidence/" + catalog.id() + "/" + requirement.id() + ": "
                        + requirement.id() + " is mandatory and unconditional in " + catalog.id()
                        + ", so 'not applicable' is not available; assessed as not met");
                String why = "marked 'not applicable', but " + requirement.id()
                        + " is mandatory without a condition and applies to every product";
                return new RequirementResult(requirement.id(), requirement.title(), Status.NOT_MET, null,
                        e.justification() == null ? why : why + "; " + e.justification(), e.links(),
                        requirement.confidence());
            }
            if ("recommended".equals(requirement.obligation()) && e.justification() == null
                    && (e.status() == Status.NOT_APPLICABLE || e.status() == Status.NOT_MET)) {
                warnings.add(profile.source() + ": at /evidence/" + catalog.id() + "/" + requirement.id()
                        + ": a recommendation marked '" + e.status().label() + "' needs a recorded justification ("
                        + catalog.title() + ", reporting implementation: provision 4-1 of V2.1.1, 5.0-1 of V3.1.3)");
            }
            return new RequirementResult(requirement.id(), requirement.title(), e.status(), null, e.justification(),
                    e.links(), requirement.confidence());
        }
        Optional<Derivations.Derived> derived = derivations.best(catalog.id(), requirement.id());
        if (derived.isEmpty()) {
            return new RequirementResult(requirement.id(), requirement.title(), Status.NOT_ASSESSED, null, null, null,
                    requirement.confidence());
        }
        return new RequirementResult(requirement.id(), requirement.title(), derived.get().status(),
                derived.get().derivation(), null, null, requirement.confidence());
    }

    /**
     * For each standard with several loaded editions, the one the profile is assessed against: the one it
     * names, else the only one it gives evidence for, else the default. Evidence for the others is ignored,
     * with a warning; evidence for two editions without a choice is an input error.
     */
    private List<EditionChoice> editions(ProductProfile profile, List<String> warnings) throws InputException {
        List<EditionChoice> choices = new ArrayList<>();
        for (ConformityKnowledgeBase.Editions group : knowledge.editions()) {
            String asked = ETSI_STANDARD.equals(group.standard()) ? profile.etsiEn303645() : null;
            RequirementCatalog chosen;
            String basis;
            if (asked != null) {
                chosen = group.catalogs().stream().map(id -> knowledge.catalog(id).orElseThrow())
                        .filter(c -> sameEdition(c, asked)).findFirst()
                        .orElseThrow(() -> new InputException(profile.source(), InputPosition.pointer("/etsiEn303645"),
                                "unknown edition '" + asked + "' of " + group.standard() + " (known: " + String.join(", ",
                                        group.catalogs().stream().map(id -> knowledge.catalog(id).orElseThrow().version()).toList())
                                        + ")"));
                basis = "named in the profile (etsiEn303645: " + asked + ")";
            } else {
                List<String> withEvidence = group.catalogs().stream()
                        .filter(id -> !profile.evidence().getOrDefault(id, Map.of()).isEmpty()).toList();
                if (withEvidence.size() > 1) {
                    throw new InputException(profile.source(), InputPosition.pointer("/evidence/" + withEvidence.get(1)),
                            "evidence is given for " + withEvidence.size() + " editions of " + group.standard() + " ("
                                    + String.join(", ", withEvidence) + "); a product is assessed against one: name it with etsiEn303645");
                }
                chosen = knowledge.catalog(withEvidence.isEmpty() ? group.defaultCatalog() : withEvidence.getFirst()).orElseThrow();
                basis = withEvidence.isEmpty() ? "the default edition: the profile names none and gives evidence for none"
                        : "the only edition the profile gives evidence for";
            }
            for (String other : group.catalogs()) {
                if (!other.equals(chosen.id()) && !profile.evidence().getOrDefault(other, Map.of()).isEmpty()) {
                    warnings.add(profile.source() + ": at /evidence/" + other + ": evidence for "
                            + knowledge.catalog(other).orElseThrow().version() + " of " + group.standard()
                            + " is not used: the product is assessed against " + chosen.version());
                }
            }
            choices.add(new EditionChoice(group.standard(), chosen.id(), chosen.version(), basis));
        }
        return choices;
    }

    /** "V3.1.3", "3.1.3", "v3.1.3 (2024-09)" or the catalog id all name the V3.1.3 catalog. */
    private static boolean sameEdition(RequirementCatalog catalog, String asked) {
        String wanted = asked.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(catalog.id())) {
            return true;
        }
        String version = catalog.version() == null ? "" : catalog.version().toLowerCase(Locale.ROOT);
        String number = version.replaceFirst("^v", "").split("[ (]")[0];
        return !number.isEmpty() && wanted.replaceFirst("^v", "").split("[ (]")[0].equals(number);
    }

    /** Every catalog but the editions not chosen. */
    private Set<String> activeCatalogs(List<EditionChoice> choices) {
        Set<String> active = new LinkedHashSet<>();
        for (RequirementCatalog c : knowledge.catalogs()) {
            Optional<ConformityKnowledgeBase.Editions> group = knowledge.editionsOf(c.id());
            if (group.isEmpty() || choices.stream().anyMatch(e -> e.catalog().equals(c.id()))) {
                active.add(c.id());
            }
        }
        return active;
    }

    private String missing(RequirementCatalog catalog, Requirement requirement, RequirementResult result,
            Derivations derivations) {
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
                        + ") is 'not met', and it is contained in this requirement (" + d.relationship().label()
                        + " through " + d.mapping() + ")");
            } else {
                parts.add("evidence for " + String.join(", ", d.requirements()) + " (" + d.catalog()
                        + ") carries over only partly: " + d.relationship().label() + " through " + d.mapping());
            }
        }
        Set<String> gapTexts = new LinkedHashSet<>();
        for (Crosswalk crosswalk : derivations.crosswalks()) {
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

}
