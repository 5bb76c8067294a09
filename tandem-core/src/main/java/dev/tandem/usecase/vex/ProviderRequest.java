package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CSAF provider directory: the documents to publish, those the directory holds already (replaced when
 * a new one has the same tracking id), where it is served, the signing key and its passphrase, the role
 * (csaf_trusted_provider by default), whether aggregators may list and mirror it, and the instant.
 */
public record ProviderRequest(List<InputDocument> documents, List<InputDocument> existing, String baseUrl,
        InputDocument key, char[] passphrase, String role, boolean listOnAggregators, boolean mirrorOnAggregators,
        Instant at) {

    public ProviderRequest {
        documents = List.copyOf(documents);
        existing = List.copyOf(existing);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(key, "key");
        passphrase = passphrase == null ? new char[0] : passphrase;
        role = role == null || role.isBlank() ? "csaf_trusted_provider" : role.strip();
        Objects.requireNonNull(at, "at");
    }
}
