package dev.tandem.conformity.assessment;

import dev.tandem.ai.AiComponent;
import dev.tandem.ai.AiFlag;
import dev.tandem.ai.AiKind;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.Presumption;
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

    /**
     * Which market each regime serves, for the gaps: the law of each market. EN 303 645 and EN 304 223 are
     * standards either side can use as evidence; the US Secure by Design catalogs are voluntary or bind only
     * federal suppliers, and the AI RMF is voluntary, so their open items are not gaps.
     */
    private static final Map<String, String> MARKETS = Map.of("cra-annex-i", "EU", "nist-ir-8425", "US",
            "eu-ai-act-art-15", "EU");
    private static final String CRA = "cra-annex-i";
    /** The profile key that names the EN 303 645 edition. */
    private static final String ETSI_STANDARD = "ETSI EN 303 645";
    private static final String AI_ACT = "eu-ai-act-art-15";
    /** Article 15(4) third subparagraph: feedback loops of systems that keep learning. */
    private static final String FEEDBACK_LOOPS = "AIA-15-4b";
    /** Why the known-exploited check has nothing to look at when no advisory data is given. */
    public static final String NO_ADVISORIES = "no advisory data was given (assess --db FILE, or --advisories PATH with --kev FILE),"
            + " so the referenced SBOMs were not checked against a known-exploited catalogue";

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
        return assess(given, sboms, new KnownExploited.NotChecked(NO_ADVISORIES), Set.of());
    }

    /**
     * Assesses the profile with what a scan of its SBOMs found about known-exploited components (the
     * Secure by Design check), and with {@code extraScopes} assessed whatever the profile asks for (the
     * attestation draft needs the secure-by-design scope).
     */
    public Assessment assess(ProductProfile given, Map<String, SbomInput> sboms, KnownExploited knownExploited,
            Set<String> extraScopes) throws InputException {
        ProductProfile profile = knowledge.withCatalogIds(given);
        Classification classification = Classifier.classify(profile, knowledge.catalog(CRA).orElseThrow());
        List<String> warnings = new ArrayList<>(profile.warnings());
        warnings.addAll(unknownEvidence(profile));
        List<EditionChoice> editions = editions(profile, warnings);
        Set<String> scopes = scopes(profile);
        scopes.addAll(extraScopes);
        Set<String> active = activeCatalogs(editions, scopes);
        SecureByDesignResult secureByDesign = scopes.contains(ConformityKnowledgeBase.Scope.SECURE_BY_DESIGN)
                ? SecureByDesignChecks.check(profile, knownExploited) : null;
        Map<String, SecureByDesignCheck> checks = new LinkedHashMap<>();
        if (secureByDesign != null) {
            for (SecureByDesignCheck check : secureByDesign.checks()) {
                check.informs().forEach(key -> checks.put(key, check));
            }
        }
        List<AiComponent> aiComponents = sboms.values().stream()
                .flatMap(s -> s instanceof SbomInput.Facts f ? f.ai().stream() : java.util.stream.Stream.empty()).toList();
        Map<String, List<RequirementResult>> assessed = new LinkedHashMap<>();
        List<PresumptionResult> presumptions = new ArrayList<>();
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
            List<Presumption> presuming = knowledge.presumptions().stream().filter(p -> p.to().equals(catalog.id())
                    && (p.scope() == null || scopes.contains(p.scope()))).toList();
            for (Presumption p : presuming) {
                presumptions.add(presumption(p, profile, assessed.getOrDefault(p.from(), List.of())));
            }
            for (Requirement requirement : catalog.assessed()) {
                RequirementResult result = resultFor(profile, catalog, requirement, derivations, warnings);
                result = checked(profile, catalog, result, checks.get(catalog.id() + ":" + requirement.id()), warnings);
                result = presumed(profile, catalog, result, presumptions, warnings);
                result = notLearning(profile, catalog, requirement, result);
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
            assessed.put(catalog.id(), results);
            regimes.add(new RegimeResult(catalog.id(), catalog.title(), market, coverage(results), counts(results),
                    results, catalog.version()));
        }
        warnings.addAll(classification.findings());
        AiAssessment ai = ai(profile, aiComponents, presumptions, warnings);
        return new Assessment(profile.product(), profile.version(), profile.manufacturer().name(), profile.markets(),
                regimes, gaps, RouteChecker.check(knowledge.routes(), classification, profile), supportPeriod(profile),
                sbomResults(profile, sboms), warnings, classification, contradictions, editions, secureByDesign, ai);
    }

    /**
     * A requirement a Secure by Design check informs: without evidence of the profile's own, the check's
     * outcome stands for it; evidence the check contradicts (met or partial where Tandem found it not met)
     * gives way to what Tandem saw, with a warning.
     */
    private static RequirementResult checked(ProductProfile profile, RequirementCatalog catalog, RequirementResult result,
            SecureByDesignCheck check, List<String> warnings) {
        if (check == null || check.outcome().status() == null) {
            return result;
        }
        boolean direct = profile.evidenceFor(catalog.id(), result.id()).isPresent();
        String why = "checked by Tandem (" + check.id() + "): " + check.basis()
                + (check.findings().isEmpty() ? "" : ": " + String.join("; ", check.findings()));
        if (!direct) {
            return new RequirementResult(result.id(), result.title(), check.outcome().status(), null, why, List.of(),
                    result.confidence(), check.id(), null);
        }
        if (check.outcome() == CheckOutcome.NOT_MET && (result.status() == Status.MET || result.status() == Status.PARTIAL)) {
            warnings.add(profile.source() + ": at /evidence/" + catalog.id() + "/" + result.id() + ": the profile says '"
                    + result.status().label() + "', but Tandem's own check found it not met (" + check.id() + "); assessed as not met");
            return new RequirementResult(result.id(), result.title(), Status.NOT_MET, null,
                    why + (result.justification() == null ? "" : "; the profile said: " + result.justification()),
                    result.evidence(), result.confidence(), check.id(), null);
        }
        return result;
    }

    /** Whether a presumption applies: the profile's own evidence meets every assessed requirement of its source catalog. */
    private static PresumptionResult presumption(Presumption p, ProductProfile profile, List<RequirementResult> from) {
        List<String> open = new ArrayList<>();
        for (RequirementResult r : from) {
            boolean own = r.derivedFrom() == null && r.checkedBy() == null && profile.evidenceFor(p.from(), r.id()).isPresent();
            if (!own || (r.status() != Status.MET && r.status() != Status.NOT_APPLICABLE)) {
                open.add(r.id() + " (" + (own ? r.status().label() : r.derivedFrom() != null ? "derived, not the profile's own evidence"
                        : r.status().label()) + ")");
            }
        }
        boolean highRisk = profile.ai() != null && profile.ai().highRisk();
        String finding;
        boolean applies = false;
        if (!highRisk) {
            finding = "does not apply: the profile does not declare a high-risk AI system (ai.highRisk)";
        } else if (from.isEmpty()) {
            finding = "does not apply: " + p.from() + " was not assessed";
        } else if (!open.isEmpty()) {
            finding = "does not apply: " + open.size() + " of " + from.size() + " requirements of " + p.from()
                    + " are not met by the profile's own evidence: " + String.join(", ", open);
        } else {
            applies = true;
            finding = "applies: every requirement of " + p.from() + " is met (or not applicable) by the profile's own evidence;"
                    + " " + String.join(", ", p.targets()) + " are presumed met provided the conditions below hold";
        }
        return new PresumptionResult(p.id(), p.title(), p.source(), p.confidence(), applies, finding,
                applies ? p.targets() : List.of(), p.conditions(), p.notCovered());
    }

    /** A target of a presumption that applies, without evidence of the profile's own, is presumed met. */
    private RequirementResult presumed(ProductProfile profile, RequirementCatalog catalog, RequirementResult result,
            List<PresumptionResult> presumptions, List<String> warnings) {
        for (PresumptionResult p : presumptions) {
            Presumption rule = knowledge.presumptions().stream().filter(x -> x.id().equals(p.id())).findFirst().orElseThrow();
            if (!p.applies() || !rule.to().equals(catalog.id()) || !p.presumed().contains(result.id())) {
                continue;
            }
            if (profile.evidenceFor(catalog.id(), result.id()).isPresent()) {
                if (result.status() != Status.MET) {
                    warnings.add(profile.source() + ": at /evidence/" + catalog.id() + "/" + result.id() + ": the profile says '"
                            + result.status().label() + "', though " + p.id() + " presumes it met; the profile's evidence is kept");
                }
                return result;
            }
            return new RequirementResult(result.id(), result.title(), Status.MET, null, "presumed met under " + rule.source()
                    + ", provided: " + String.join("; ", rule.conditions()), List.of(), result.confidence(), null, p.id());
        }
        return result;
    }

    /**
     * AI Act Article 15(4) third subparagraph binds only systems that keep learning after they are placed on
     * the market; a profile saying its system does not makes that requirement not applicable.
     */
    private static RequirementResult notLearning(ProductProfile profile, RequirementCatalog catalog, Requirement requirement,
            RequirementResult result) {
        if (!catalog.id().equals(AI_ACT) || !requirement.id().equals(FEEDBACK_LOOPS) || profile.ai() == null
                || !Boolean.FALSE.equals(profile.ai().continuesLearning())
                || profile.evidenceFor(catalog.id(), requirement.id()).isPresent()) {
            return result;
        }
        return new RequirementResult(result.id(), result.title(), Status.NOT_APPLICABLE, null,
                "the profile says the system does not continue to learn after being placed on the market (ai.continuesLearning: false)",
                List.of(), result.confidence());
    }

    /**
     * The AI side: the declared functions joined to the models the SBOMs list. Null when the profile declares
     * no AI and the SBOMs list no model or dataset.
     */
    private static AiAssessment ai(ProductProfile profile, List<AiComponent> components, List<PresumptionResult> presumptions,
            List<String> warnings) {
        ProductProfile.AiSystem declared = profile.ai();
        if (declared == null && components.isEmpty()) {
            return null;
        }
        List<String> findings = new ArrayList<>();
        long models = components.stream().filter(c -> c.kind() == AiKind.MODEL).count();
        if (declared == null) {
            String finding = "the referenced SBOMs list " + components.size() + " AI component(s), but the profile declares no AI"
                    + " functions (ai): the AI catalogs are not assessed";
            findings.add(finding);
            warnings.add(profile.source() + ": " + finding);
        } else {
            if (models == 0) {
                findings.add("the profile declares AI functions, but no referenced SBOM lists a machine-learning-model component"
                        + " (CycloneDX 1.5 or later): the models are not inventoried");
            }
            for (ProductProfile.AiFunction f : declared.functions()) {
                if (f.models().isEmpty()) {
                    findings.add("AI function '" + f.name() + "' names no model");
                }
                for (String model : f.models()) {
                    boolean listed = components.stream().anyMatch(c -> c.kind() == AiKind.MODEL
                            && (model.equals(c.bomRef()) || model.equals(c.name()) || model.equals(c.label())));
                    if (!listed) {
                        findings.add("AI function '" + f.name() + "' runs model '" + model
                                + "', which no referenced SBOM lists as a machine-learning-model component");
                    }
                }
            }
        }
        for (AiComponent c : components) {
            if (!c.clean()) {
                findings.add((c.kind() == AiKind.MODEL ? "model " : "dataset ") + c.label() + ": "
                        + String.join(", ", c.flags().stream().map(AiFlag::label).toList()));
            }
        }
        return new AiAssessment(declared == null ? List.of() : declared.functions(), declared != null && declared.highRisk(),
                declared == null ? null : declared.highRiskBasis(), declared == null ? null : declared.continuesLearning(),
                components, findings, presumptions);
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

    /** Every catalog but the editions not chosen and the catalogs of scopes the profile does not ask for. */
    private Set<String> activeCatalogs(List<EditionChoice> choices, Set<String> scopes) {
        Set<String> active = new LinkedHashSet<>();
        for (RequirementCatalog c : knowledge.catalogs()) {
            Optional<ConformityKnowledgeBase.Editions> group = knowledge.editionsOf(c.id());
            boolean edition = group.isEmpty() || choices.stream().anyMatch(e -> e.catalog().equals(c.id()));
            boolean inScope = knowledge.scopeOf(c.id()).map(s -> scopes.contains(s.id())).orElse(true);
            if (edition && inScope) {
                active.add(c.id());
            }
        }
        return active;
    }

    /**
     * The scopes the profile asks for: those whose catalogs it gives evidence for, the secure-by-design
     * scope when it has a {@code secureByDesign} section, the AI scopes when it has an {@code ai} section
     * (the high-risk one when that section says so).
     */
    private Set<String> scopes(ProductProfile profile) {
        Set<String> scopes = new LinkedHashSet<>();
        if (profile.secureByDesign() != null) {
            scopes.add(ConformityKnowledgeBase.Scope.SECURE_BY_DESIGN);
        }
        if (profile.ai() != null) {
            scopes.add(ConformityKnowledgeBase.Scope.AI);
            if (profile.ai().highRisk()) {
                scopes.add(ConformityKnowledgeBase.Scope.AI_HIGH_RISK);
            }
        }
        profile.evidence().forEach((catalogId, items) -> {
            if (!items.isEmpty()) {
                knowledge.scopeOf(catalogId).ifPresent(s -> scopes.add(s.id()));
            }
        });
        return scopes;
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
