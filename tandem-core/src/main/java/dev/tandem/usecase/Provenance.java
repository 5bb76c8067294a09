package dev.tandem.usecase;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.input.InputDocument;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where a result comes from, as a document prints it for a reader who must trust it: when it was
 * generated, the moment it was evaluated for, the Tandem and catalog that computed it, and every input
 * with its SHA-256.
 *
 * @param generatedAt   when the front end asked for it (null when the caller did not say)
 * @param evaluatedAt   the instant or day the result is computed for, ISO-8601 ({@code 2026-11-21T12:00:00Z},
 *                      {@code 2026-11-21}); null when nothing in it depends on a moment (a catalog listing)
 * @param tandemVersion the version of Tandem that computed it
 * @param catalog       the knowledge base it was computed from; null when it used none (a scan)
 * @param inputs        the inputs in the order they were given
 */
public record Provenance(Instant generatedAt, String evaluatedAt, String tandemVersion, CatalogFingerprint catalog,
        List<Input> inputs) {

    public Provenance {
        Objects.requireNonNull(tandemVersion, "tandemVersion");
        inputs = List.copyOf(inputs);
    }

    /** The provenance of a result that was built without one (hand-made in a test): this Tandem, the catalog, nothing else known. */
    public static Provenance unknown(CatalogFingerprint catalog) {
        return new Provenance(null, null, TandemVersion.current(), catalog, List.of());
    }

    /** A provenance with this Tandem's version. */
    public static Provenance of(Instant generatedAt, String evaluatedAt, CatalogFingerprint catalog, List<Input> inputs) {
        return new Provenance(generatedAt, evaluatedAt, TandemVersion.current(), catalog, inputs);
    }

    /**
     * One input: its name as given, what it is to the result, its SHA-256 and size; {@code sha256} is null
     * for an input that is not one document (a folder of advisories), whose size is then -1.
     *
     * @param role what the input is, in words: "SBOM", "incident record", "product profile"...
     */
    public record Input(String name, String role, String sha256, long bytes) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }

        /** A document, hashed. */
        public static Input of(String role, InputDocument document) {
            return new Input(document.source(), role, digest(document.content()), document.content().length);
        }

        /** A document under the name its referrer gives it (an SBOM as the product profile writes its path). */
        public static Input of(String name, String role, InputDocument document) {
            return new Input(name, role, digest(document.content()), document.content().length);
        }

        /** An input known only by name (a folder, an archive read as a stream, a parsed object). */
        public static Input named(String role, String name) {
            return new Input(name, role, null, -1);
        }

        /** Documents of one role, hashed, in order. */
        public static List<Input> of(String role, List<InputDocument> documents) {
            List<Input> inputs = new ArrayList<>(documents.size());
            documents.forEach(d -> inputs.add(of(role, d)));
            return inputs;
        }
    }

    static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
