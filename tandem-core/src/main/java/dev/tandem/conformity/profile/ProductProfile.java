package dev.tandem.conformity.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product as its manufacturer describes it, the single input every conformity output derives from.
 * {@code evidence} is keyed by catalog id, then requirement id. {@code warnings} lists what the reader
 * noticed but could carry on with (unknown keys).
 */
public record ProductProfile(String source, String product, String version, String model, Manufacturer manufacturer,
        CraClass craClass, String craCategory, List<String> markets, LocalDate placedOnMarket,
        SupportPeriod supportPeriod, List<SbomReference> sboms, EuFiling eu, UsFiling us,
        Map<String, Map<String, Evidence>> evidence, List<String> warnings) {

    public ProductProfile {
        markets = List.copyOf(markets);
        sboms = List.copyOf(sboms);
        evidence = Map.copyOf(evidence);
        warnings = List.copyOf(warnings);
    }

    /** The manufacturer as the EU declaration and the US registry name it. */
    public record Manufacturer(String name, String address, String email, String website) {
    }

    /** The support period: its end, and the expected use time when it is shorter than five years. */
    public record SupportPeriod(LocalDate end, Integer expectedUseYears, String rationale) {
    }

    /** An SBOM of the product: a path (relative to the profile) or URL, and its format. */
    public record SbomReference(String path, String url, String format) {
    }

    /** EU filing data for the declaration of conformity (Annex V). */
    public record EuFiling(String conformityModule, NotifiedBody notifiedBody, List<String> standards,
            String declarationUrl, Signatory signatory) {
        public EuFiling {
            standards = standards == null ? List.of() : List.copyOf(standards);
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
