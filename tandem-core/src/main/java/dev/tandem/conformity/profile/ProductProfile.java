package dev.tandem.conformity.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product as its manufacturer describes it, the single input every conformity output derives from.
 * {@code craClass} is the class as the profile states it (null when it states none): the class an
 * assessment uses is derived from {@code craCategories} (Art. 7(1), 8(1)). {@code etsiEn303645} is the
 * edition of EN 303 645 the profile asks to be assessed against (null: decided from the evidence).
 * {@code evidence} is keyed by catalog id, then requirement id. {@code warnings} lists what the reader
 * noticed but could carry on with.
 */
public record ProductProfile(String source, String product, String version, String model, Manufacturer manufacturer,
        CraClass craClass, List<String> craCategories, List<String> markets, LocalDate placedOnMarket,
        SupportPeriod supportPeriod, List<SbomReference> sboms, EuFiling eu, UsFiling us,
        Map<String, Map<String, Evidence>> evidence, List<String> warnings, String intendedPurpose,
        VulnerabilityDisclosure cvd, String etsiEn303645) {

    /** The craCategory value that says the product is in no Annex III or IV category. */
    public static final String NO_CATEGORY = "none";

    public ProductProfile {
        craCategories = craCategories == null ? List.of() : List.copyOf(craCategories);
        markets = List.copyOf(markets);
        sboms = List.copyOf(sboms);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        warnings = List.copyOf(warnings);
    }

    /** The same profile with other evidence and warnings (evidence keys rewritten to catalog ids). */
    public ProductProfile with(Map<String, Map<String, Evidence>> otherEvidence, List<String> otherWarnings) {
        return new ProductProfile(source, product, version, model, manufacturer, craClass, craCategories, markets,
                placedOnMarket, supportPeriod, sboms, eu, us, otherEvidence, otherWarnings, intendedPurpose, cvd,
                etsiEn303645);
    }

    /** The manufacturer as the EU declaration and the US registry name it; {@code email} follows RFC 5321. */
    public record Manufacturer(String name, String address, String email, String website) {
    }

    /**
     * The support period: its end, the expected use time when it is shorter than five years, the
     * rationale (Annex VII(4)) and the type of technical security support offered (Annex II(7)).
     */
    public record SupportPeriod(LocalDate end, Integer expectedUseYears, String rationale, String supportType) {
    }

    /**
     * An SBOM of the product: a path (relative to the profile) or URL, its format, and whether the
     * manufacturer makes it available to users (Annex II(9); null when the profile does not say).
     */
    public record SbomReference(String path, String url, String format, Boolean availableToUsers) {
    }

    /** The single point of contact for vulnerability reports and where the CVD policy is (Annex II(2), Annex I Part II(5), (6)). */
    public record VulnerabilityDisclosure(String contact, String policyUrl) {
    }

    /**
     * EU filing data for the declaration of conformity (Annex V): the route, the notified body, the
     * standards, common specifications or certification schemes applied, whether the product is free and
     * open-source software with public technical documentation (Art. 32(5)), the declaration's address and
     * its signatory.
     */
    public record EuFiling(String conformityModule, NotifiedBody notifiedBody, List<Specification> standards,
            String declarationUrl, Signatory signatory, Boolean freeAndOpenSource, String publicTechnicalDocumentation) {
        public EuFiling {
            standards = standards == null ? List.of() : List.copyOf(standards);
        }
    }

    /**
     * A standard, common specification or certification scheme the manufacturer applied (Annex V(6),
     * Annex VII(5)). {@code type} is harmonised-standard, common-specification, certification-scheme or
     * other (null when the profile gives a plain text); {@code appliedInFull} and {@code assuranceLevel}
     * (basic, substantial, high) decide Art. 32(2); {@code ojReference} cites its publication.
     */
    public record Specification(String reference, String type, Boolean appliedInFull, String assuranceLevel,
            String ojReference) {

        /** The types a specification may have. */
        public static final List<String> TYPES = List.of("harmonised-standard", "common-specification",
                "certification-scheme", "other");

        /** A specification given as a plain text only. */
        public static Specification text(String reference) {
            return new Specification(reference, null, null, null, null);
        }
    }

    /** A notified body involved in the conformity assessment. */
    public record NotifiedBody(String name, String number, String certificate) {
    }

    /** Who signs the declaration, where and when. */
    public record Signatory(String name, String function, String place, LocalDate date) {
    }

    /** A text and/or URL pair, the shape CTA-2120 uses for user information. */
    public record TextLink(String text, String url) {
    }

    /** An organisation with a contact (CLA, CyberLAB). */
    public record Party(String name, String contact) {
    }

    /** One sensor disclosure for the registry. */
    public record Sensor(String sensing, boolean has, String description) {
    }

    /** US Cyber Trust Mark registry data (CTA-2120 fields). */
    public record UsFiling(String registryUrl, LocalDate authorizationDate, Party authorizedBy, Party testedBy,
            List<String> passwordOptions, String passwordFactoryDefault, TextLink passwordChange,
            TextLink securingThisProduct, String updateDefault, List<String> updateOptions, String updateOther,
            TextLink deleteData, TextLink accountDeactivation, TextLink encryptionAndKeyManagement,
            TextLink generalUserInformation, String securityContact, List<Sensor> sensors, boolean sbomMaintained,
            boolean hbomMaintained, OffsetDateTime created, OffsetDateTime modified) {
        public UsFiling {
            passwordOptions = passwordOptions == null ? List.of() : List.copyOf(passwordOptions);
            updateOptions = updateOptions == null ? List.of() : List.copyOf(updateOptions);
            sensors = sensors == null ? List.of() : List.copyOf(sensors);
        }
    }

    public Optional<Evidence> evidenceFor(String catalogId, String requirementId) {
        return Optional.ofNullable(evidence.getOrDefault(catalogId, Map.of()).get(requirementId));
    }

    public boolean soldIn(String market) {
        return markets.stream().anyMatch(m -> m.equalsIgnoreCase(market));
    }
}
