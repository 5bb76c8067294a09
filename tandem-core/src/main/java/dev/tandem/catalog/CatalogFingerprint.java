package dev.tandem.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which knowledge base an output was computed from: the version its {@code catalog.yaml} declares and
 * a SHA-256 over every file (sorted relative path, a zero byte, the content, a zero byte), so two
 * outputs that print the same pair were produced by the same law, byte for byte.
 *
 * @param origin "bundled" or the catalog folder
 */
public record CatalogFingerprint(String version, String sha256, String origin) {

    /** {@code 2026.12.0 (sha256:1a2b3c4d5e6f, bundled)}: the line outputs print. */
    public String label() {
        return version + " (sha256:" + sha256.substring(0, 12) + ", " + origin + ")";
    }

    /** Reads the version and hashes every file of {@code source}. */
    public static CatalogFingerprint of(CatalogSource source) throws InputException {
        JsonNode declared = CatalogFiles.tree(source, CatalogSource.VERSION_FILE);
        String version = declared.path("version").asText("");
        if (version.isBlank()) {
            throw new InputException(source.nameOf(CatalogSource.VERSION_FILE), InputPosition.pointer("/version"),
                    "the catalog's version is missing");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String file : source.files()) {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(source.read(file));
            digest.update((byte) 0);
        }
        return new CatalogFingerprint(version, HexFormat.of().formatHex(digest.digest()), source.describe());
    }
}
