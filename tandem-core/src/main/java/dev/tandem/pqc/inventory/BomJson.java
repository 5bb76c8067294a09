package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The slice of CycloneDX 1.6 (and SPDX 2.x) JSON this package reads, bound by the hardened Jackson
 * mapper so that a value of the wrong type fails with its line and column.
 */
record BomJson(String bomFormat, String specVersion, Metadata metadata, List<Component> components,
        List<Dependency> dependencies, String spdxVersion, String name, List<SpdxPackage> packages) {

    record Metadata(Component component) {
    }

    record Component(String type, @JsonProperty("bom-ref") String bomRef, String name, String group,
            String version, String purl, String description, CryptoProperties cryptoProperties,
            List<Component> components) {
    }

    record CryptoProperties(String assetType, AlgorithmJson algorithmProperties,
            CertificateJson certificateProperties, MaterialJson relatedCryptoMaterialProperties,
            ProtocolJson protocolProperties, String oid) {
    }

    /** {@code ellipticCurve} is CycloneDX 1.7's registry name ("nist/P-256"), read where 1.6's {@code curve} is absent. */
    record AlgorithmJson(String primitive, String parameterSetIdentifier, String curve, String ellipticCurve, String mode,
            String padding, List<String> cryptoFunctions, Integer classicalSecurityLevel, Integer nistQuantumSecurityLevel) {

        String curveName() {
            if (curve != null || ellipticCurve == null) {
                return curve;
            }
            return ellipticCurve.substring(ellipticCurve.lastIndexOf('/') + 1);
        }
    }

    record CertificateJson(String subjectName, String issuerName, String notValidBefore, String notValidAfter,
            String signatureAlgorithmRef, String subjectPublicKeyRef, String certificateFormat) {
    }

    record MaterialJson(String type, String id, String state, String algorithmRef, Integer size, String format,
            SecuredBy securedBy) {
    }

    record SecuredBy(String mechanism, String algorithmRef) {
    }

    record ProtocolJson(String type, String version, List<Suite> cipherSuites, JsonNode ikev2TransformTypes,
            List<String> cryptoRefArray) {
    }

    record Suite(String name, List<String> algorithms, List<String> identifiers) {
    }

    record Dependency(String ref, List<String> dependsOn, List<String> provides) {
    }

    record SpdxPackage(@JsonProperty("SPDXID") String spdxId, String name, String versionInfo,
            List<SpdxRef> externalRefs) {
    }

    record SpdxRef(String referenceCategory, String referenceType, String referenceLocator) {
    }
}
