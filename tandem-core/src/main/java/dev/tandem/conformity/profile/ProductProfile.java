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
 * noticed but could carry on with. {@code secureByDesign} holds the Secure by Design facts Tandem checks
 * itself and the attestation form's data; {@code ai} the AI functions the product declares (both null when
 * the profile has no such section: their catalogs are then assessed only on evidence).
 */
public record ProductProfile(String source, String product, String version, String model, Manufacturer manufacturer,
        CraClass craClass, List<String> craCategories, List<String> markets, LocalDate placedOnMarket,
        SupportPeriod supportPeriod, List<SbomReference> sboms, EuFiling eu, UsFiling us,
        Map<String, Map<String, Evidence>> evidence, List<String> warnings, String intendedPurpose,
        VulnerabilityDisclosure cvd, String etsiEn303645, SecureByDesign secureByDesign, AiSystem ai) {

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
                etsiEn303645, secureByDesign, ai);
    }

    /**
     * What the profile says of the Secure by Design points Tandem checks itself (CISA's pledge goals and
     * Product Security Bad Practices), and the data of the CISA attestation form. Each value is null when
     * the profile does not say, so the check reports "not determined" rather than guessing.
     *
     * @param defaultPasswords    how initial credentials are set, one of {@link #PASSWORD_SCHEMES}
     * @param securityTxt         the URL of the RFC 9116 security.txt file
     * @param memorySafetyRoadmap the URL of the published memory-safety roadmap, or {@code "not-needed"}
     *                            when the product is written in memory-safe languages only
     */
    public record SecureByDesign(String defaultPasswords, Mfa mfa, String securityTxt, CvePublishing cve,
            String memorySafetyRoadmap, Attestation attestation) {

        /** Initial-credential schemes; only {@code shared-default} is a default password in CISA's sense. */
        public static final List<String> PASSWORD_SCHEMES = List.of("no-passwords", "unique-per-device",
                "set-at-installation", "time-limited-setup", "shared-default");
    }

    /** Multi-factor authentication: whether the product supports it, phishing-resistant MFA, and whether it is on by default. */
    public record Mfa(Boolean supported, Boolean phishingResistant, Boolean enabledByDefault) {
    }

    /** CVE publishing: whether the manufacturer publishes CVE records for its products, with the CWE of each, and is a CNA. */
    public record CvePublishing(Boolean publishes, Boolean withCwe, Boolean cna) {
    }

    /**
     * The CISA attestation form's own data: the type (new, extension-or-waiver, revised), the scope
     * (company-wide, product, multiple-products), who signs (name and title) and when.
     */
    public record Attestation(String type, String scope, String signerName, String signerTitle, LocalDate date) {

        public static final List<String> TYPES = List.of("new", "extension-or-waiver", "revised");
        public static final List<String> SCOPES = List.of("company-wide", "product", "multiple-products");
    }

    /**
     * The AI functions of the product. {@code highRisk} is the provider's own classification under AI Act
     * Article 6 (Tandem does not classify), {@code highRiskBasis} what it rests on (e.g. an Annex III point),
     * {@code continuesLearning} whether the system keeps learning after it is placed on the market
     * (Article 15(4), null when not said).
     */
    public record AiSystem(List<AiFunction> functions, boolean highRisk, String highRiskBasis, Boolean continuesLearning) {
        public AiSystem {
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /** One AI function: a name, what it does, and the models it runs (SBOM component names or bom-refs). */
    public record AiFunction(String name, String description, List<String> models) {
        public AiFunction {
            models = models == null ? List.of() : List.copyOf(models);
        }
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
