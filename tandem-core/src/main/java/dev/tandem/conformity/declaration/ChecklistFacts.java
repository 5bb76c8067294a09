package dev.tandem.conformity.declaration;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.SbomReferenceResult;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfile.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the profile's own fields say about an Annex II or Annex VII checklist item, so that a checklist
 * never reports "missing" for data the profile holds. Each item lists the fields it read; an item no
 * field speaks to has no fact (only evidence can speak to it).
 */
final class ChecklistFacts {

    static final String GIVEN = "given in the profile";
    static final String PARTLY = "partly in the profile";
    static final String NOT_APPLICABLE = "not applicable";
    static final String MISSING = "missing";
    static final String DRAFT = "draft (this document)";

    private ChecklistFacts() {
    }

    /** The state the fields give and what they say. */
    record Fact(String state, String details) {
    }

    static Optional<Fact> of(String item, ProductProfile p, Assessment assessment) {
        return switch (item) {
            case "CRA-AII-1" -> manufacturer(p);
            case "CRA-AII-2" -> vulnerabilityContact(p);
            case "CRA-AII-3" -> identification(p);
            case "CRA-AII-4" -> p.intendedPurpose() == null ? Optional.empty() : Optional.of(new Fact(PARTLY,
                    "intendedPurpose: " + p.intendedPurpose() + "; not profile fields: security environment, essential "
                            + "functionalities, security properties"));
            case "CRA-AII-6" -> p.eu() == null || p.eu().declarationUrl() == null ? Optional.empty()
                    : Optional.of(new Fact(GIVEN, "eu.declarationUrl: " + p.eu().declarationUrl()));
            case "CRA-AII-7" -> support(p, assessment);
            case "CRA-AII-8a" -> textLink(p.us() == null ? null : p.us().securingThisProduct(), "us.securingThisProduct");
            case "CRA-AII-8c" -> p.us() == null || p.us().updateDefault() == null ? Optional.empty()
                    : Optional.of(new Fact(PARTLY, "update mode: " + p.us().updateDefault()
                            + " (us.updates.default); installation instructions are not a profile field"));
            case "CRA-AII-8d" -> decommissioning(p);
            case "CRA-AII-8e" -> automaticUpdatesOff(p);
            case "CRA-AII-9" -> sbomForUsers(p);
            case "CRA-AVII-1" -> description(p);
            case "CRA-AVII-2" -> vulnerabilityHandling(p, assessment);
            case "CRA-AVII-4" -> supportRationale(p, assessment);
            case "CRA-AVII-5" -> p.eu() == null || p.eu().standards().isEmpty() ? Optional.empty()
                    : Optional.of(new Fact(GIVEN, "eu.standards: " + String.join("; ",
                            p.eu().standards().stream().map(ChecklistFacts::specification).toList())));
            case "CRA-AVII-7" -> Optional.of(new Fact(DRAFT, p.eu() != null && p.eu().signatory() != null
                    && p.eu().signatory().name() != null ? "to be signed by " + p.eu().signatory().name() + " (eu.signatory)"
                    : "no signatory in the profile (eu.signatory)"));
            case "CRA-AVII-8" -> sbomDocuments(p, assessment);
            default -> Optional.empty();
        };
    }

    /** A specification as the declaration lists it: the reference, then what the profile says of it. */
    static String specification(Specification s) {
        List<String> facts = new ArrayList<>();
        if (s.type() != null) {
            facts.add(s.type());
        }
        if (s.appliedInFull() != null) {
            facts.add(s.appliedInFull() ? "applied in full" : "applied in part");
        }
        if (s.assuranceLevel() != null) {
            facts.add("assurance level " + s.assuranceLevel());
        }
        if (s.ojReference() != null) {
            facts.add("OJ: " + s.ojReference());
        }
        return s.reference() + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")");
    }

    private static Optional<Fact> manufacturer(ProductProfile p) {
        ProductProfile.Manufacturer m = p.manufacturer();
        List<String> read = new ArrayList<>(List.of("manufacturer.name: " + m.name()));
        List<String> missing = new ArrayList<>();
        addOrMiss(read, missing, "manufacturer.address", m.address(), "postal address");
        if (m.email() != null || m.website() != null) {
            addOrMiss(read, missing, "manufacturer.email", m.email(), null);
            addOrMiss(read, missing, "manufacturer.website", m.website(), null);
        } else {
            missing.add("e-mail address or other digital contact");
        }
        return Optional.of(fact(read, missing));
    }

    private static Optional<Fact> vulnerabilityContact(ProductProfile p) {
        String contact = p.cvd() != null && p.cvd().contact() != null ? p.cvd().contact() : null;
        String contactField = "cvd.contact";
        if (contact == null && p.us() != null && p.us().securityContact() != null) {
            contact = p.us().securityContact();
            contactField = "us.securityContact";
        }
        String policy = p.cvd() == null ? null : p.cvd().policyUrl();
        if (contact == null && policy == null) {
            return Optional.empty();
        }
        List<String> read = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        addOrMiss(read, missing, contactField, contact, "the single point of contact (cvd.contact)");
        addOrMiss(read, missing, "cvd.policyUrl", policy, "where the CVD policy is found (cvd.policyUrl)");
        return Optional.of(fact(read, missing));
    }

    private static Optional<Fact> identification(ProductProfile p) {
        List<String> read = new ArrayList<>(List.of("product: " + p.product()));
        List<String> missing = new ArrayList<>();
        if (p.model() == null && p.version() == null) {
            missing.add("model or version (model, version)");
        }
        addOrMiss(read, missing, "model", p.model(), null);
        addOrMiss(read, missing, "version", p.version(), null);
        return Optional.of(fact(read, missing));
    }

    private static Optional<Fact> support(ProductProfile p, Assessment assessment) {
        ProductProfile.SupportPeriod s = p.supportPeriod();
        if (s == null || (s.end() == null && s.supportType() == null)) {
            return Optional.empty();
        }
        List<String> read = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        addOrMiss(read, missing, "supportPeriod.end", s.end() == null ? null : s.end().toString(), "the end date (supportPeriod.end)");
        addOrMiss(read, missing, "supportPeriod.supportType", s.supportType(), "the type of technical security support (supportPeriod.supportType)");
        read.add("support period: " + assessment.supportPeriod().finding());
        return Optional.of(fact(read, missing));
    }

    private static Optional<Fact> decommissioning(ProductProfile p) {
        if (p.us() == null || (p.us().deleteData() == null && p.us().accountDeactivation() == null)) {
            return Optional.empty();
        }
        List<String> read = new ArrayList<>();
        if (p.us().deleteData() != null) {
            read.add("us.deleteData: " + join(p.us().deleteData()));
        }
        if (p.us().accountDeactivation() != null) {
            read.add("us.accountDeactivation: " + join(p.us().accountDeactivation()));
        }
        return Optional.of(fact(read, p.us().deleteData() == null ? List.of("how user data are removed (us.deleteData)") : List.of()));
    }

    private static Optional<Fact> automaticUpdatesOff(ProductProfile p) {
        String mode = p.us() == null ? null : p.us().updateDefault();
        if (mode == null) {
            return Optional.empty();
        }
        if (!mode.startsWith("Automatic")) {
            return Optional.of(new Fact(NOT_APPLICABLE, "automatic installation is not the default (us.updates.default: " + mode + ")"));
        }
        if (mode.equals("Automatic - may not opt out")) {
            return Optional.of(new Fact(MISSING, "us.updates.default says automatic updates cannot be turned off; Annex I Part I(2)(c) asks for an opt-out"));
        }
        return Optional.of(new Fact(PARTLY, "an opt-out is offered (us.updates.default: " + mode
                + "); how to turn automatic updates off is not a profile field"));
    }

    private static Optional<Fact> sbomForUsers(ProductProfile p) {
        List<ProductProfile.SbomReference> offered = p.sboms().stream().filter(s -> Boolean.TRUE.equals(s.availableToUsers())).toList();
        if (!offered.isEmpty()) {
            List<String> urls = offered.stream().map(ProductProfile.SbomReference::url).filter(u -> u != null).toList();
            return Optional.of(urls.isEmpty()
                    ? new Fact(PARTLY, "sbom[].availableToUsers: true, but no sbom[].url says where users find it")
                    : new Fact(GIVEN, "users can access the SBOM at " + String.join(", ", urls) + " (sbom[].url)"));
        }
        if (!p.sboms().isEmpty() && p.sboms().stream().allMatch(s -> Boolean.FALSE.equals(s.availableToUsers()))) {
            return Optional.of(new Fact(NOT_APPLICABLE, "the SBOM is not made available to users (sbom[].availableToUsers: false)"));
        }
        return Optional.empty();
    }

    private static Optional<Fact> description(ProductProfile p) {
        if (p.intendedPurpose() == null && p.version() == null) {
            return Optional.empty();
        }
        List<String> read = new ArrayList<>();
        if (p.intendedPurpose() != null) {
            read.add("intendedPurpose: " + p.intendedPurpose());
        }
        if (p.version() != null) {
            read.add("version: " + p.version());
        }
        return Optional.of(new Fact(PARTLY, String.join("; ", read)
                + "; not profile fields: photographs or illustrations, the Annex II user information as a document"));
    }

    private static Optional<Fact> vulnerabilityHandling(ProductProfile p, Assessment assessment) {
        List<String> read = new ArrayList<>();
        if (!p.sboms().isEmpty()) {
            read.add("SBOM: " + String.join("; ", assessment.sbom().stream().map(ChecklistFacts::sbomText).toList()));
        }
        if (p.cvd() != null) {
            read.add("CVD: " + String.join(", ", nonNull(p.cvd().policyUrl(), p.cvd().contact())));
        }
        return read.isEmpty() ? Optional.empty() : Optional.of(new Fact(PARTLY, String.join("; ", read)
                + "; not profile fields: design and architecture, update distribution, production and monitoring"));
    }

    private static Optional<Fact> supportRationale(ProductProfile p, Assessment assessment) {
        if (p.supportPeriod() == null || p.supportPeriod().rationale() == null) {
            return Optional.empty();
        }
        return Optional.of(new Fact(GIVEN, "supportPeriod.rationale: " + p.supportPeriod().rationale() + "; support period: "
                + assessment.supportPeriod().finding()));
    }

    /** The SBOM the technical documentation holds: given when a referenced SBOM was read, partly when only referenced. */
    private static Optional<Fact> sbomDocuments(ProductProfile p, Assessment assessment) {
        if (p.sboms().isEmpty()) {
            return Optional.empty();
        }
        boolean found = assessment.sbom().stream().anyMatch(SbomReferenceResult::found);
        String details = "SBOM: " + String.join("; ", assessment.sbom().stream().map(ChecklistFacts::sbomText).toList());
        return Optional.of(found ? new Fact(GIVEN, details) : new Fact(PARTLY, details + "; missing: an SBOM Tandem could read"));
    }

    private static Optional<Fact> textLink(ProductProfile.TextLink link, String field) {
        return link == null ? Optional.empty() : Optional.of(new Fact(GIVEN, field + ": " + join(link)));
    }

    static String sbomText(SbomReferenceResult r) {
        return (r.reference() == null ? "" : r.reference() + ": ") + r.finding();
    }

    private static Fact fact(List<String> read, List<String> missing) {
        String details = String.join("; ", read);
        return missing.isEmpty() ? new Fact(GIVEN, details)
                : new Fact(PARTLY, details + (details.isEmpty() ? "" : "; ") + "missing: " + String.join(", ", missing));
    }

    private static void addOrMiss(List<String> read, List<String> missing, String field, String value, String missingText) {
        if (value != null) {
            read.add(field + ": " + value);
        } else if (missingText != null) {
            missing.add(missingText);
        }
    }

    private static String join(ProductProfile.TextLink link) {
        return String.join(", ", nonNull(link.text(), link.url()));
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                list.add(v);
            }
        }
        return list;
    }
}
