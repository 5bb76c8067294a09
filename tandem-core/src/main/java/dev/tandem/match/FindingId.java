package dev.tandem.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Subject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable identity of a finding, such as {@code TF-3f0c1a9b27d4e6a85c10}: the same for the same
 * product, component and vulnerability whatever the SBOM's file name, format, scan time or
 * advisory source, so a triage decision can refer to it across re-scans and releases of the
 * product. The rule, its inputs and its limits are in docs/matching.md ("Finding ids").
 */
public record FindingId(String value) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Never part of UTF-8 text, so no part can run into the next. */
    private static final int SEPARATOR = 0xFF;

    public FindingId {
        Objects.requireNonNull(value, "value");
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a finding id (TF- and 20 hex digits): " + value);
        }
    }

    /**
     * The id of {@code vulnerabilityId} in {@code component} of the product {@code subject}: "TF-"
     * and the first 20 hex digits of the SHA-256 of the product's owner, the product's name (its
     * version left out), the component's identity and the vulnerability id, UTF-8, separated by a
     * 0xFF byte.
     */
    public static FindingId of(Subject subject, Component component, String vulnerabilityId) {
        return of(prefix(subject, component), vulnerabilityId);
    }

    /**
     * The hashed input of every finding id of {@code component} in {@code subject} before the
     * vulnerability id: a scan works it out once per component, not once per finding (it parses purls).
     */
    public static byte[] prefix(Subject subject, Component component) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        part(input, productOwner(subject));
        input.write(SEPARATOR);
        part(input, productName(subject));
        input.write(SEPARATOR);
        part(input, componentIdentity(component));
        input.write(SEPARATOR);
        return input.toByteArray();
    }

    /** The id of {@code vulnerabilityId} after a {@link #prefix(Subject, Component)}. */
    public static FindingId of(byte[] prefix, String vulnerabilityId) {
        Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
        MessageDigest sha256 = sha256();
        sha256.update(prefix);
        return hex(sha256.digest(vulnerabilityId.strip().getBytes(StandardCharsets.UTF_8)));
    }

    /** "TF-" and 20 lowercase hex digits (checked by hand: a scan makes thousands of ids). */
    private static boolean wellFormed(String value) {
        if (value.length() != 23 || !value.startsWith("TF-")) {
            return false;
        }
        for (int i = 3; i < 23; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ids of one product's findings, for one scan (not thread-safe): the product's part of the
     * hashed input worked out once, each component's once, and one SHA-256 instance reused.
     */
    static final class Maker {
        private final byte[] product;
        private final MessageDigest sha256;

        Maker(Subject subject) {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            part(input, productOwner(subject));
            input.write(SEPARATOR);
            part(input, productName(subject));
            input.write(SEPARATOR);
            this.product = input.toByteArray();
            this.sha256 = sha256();
        }

        /** The same bytes as {@link FindingId#prefix(Subject, Component)} for this product. */
        byte[] prefix(Component component) {
            byte[] identity = componentIdentity(component).getBytes(StandardCharsets.UTF_8);
            byte[] prefix = new byte[product.length + identity.length + 1];
            System.arraycopy(product, 0, prefix, 0, product.length);
            System.arraycopy(identity, 0, prefix, product.length, identity.length);
            prefix[prefix.length - 1] = (byte) SEPARATOR;
            return prefix;
        }

        /** The same id as {@link FindingId#of(byte[], String)}. */
        FindingId of(byte[] prefix, String vulnerabilityId) {
            Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
            sha256.reset();
            sha256.update(prefix);
            return hex(sha256.digest(vulnerabilityId.strip().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static FindingId hex(byte[] digest) {
        return new FindingId("TF-" + HexFormat.of().formatHex(digest, 0, 10));
    }

    /** Who makes the product: the SBOM's manufacturer (or supplier), else the namespace of the product's purl. */
    static String productOwner(Subject subject) {
        if (!subject.manufacturer().isBlank()) {
            return plain(subject.manufacturer());
        }
        try {
            String namespace = subject.purl().isBlank() ? null : new PackageURL(subject.purl().strip()).getNamespace();
            return namespace == null ? "" : plain(namespace);
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }

    /** The product's name, in lower case with runs of whitespace as one space; never its version. */
    static String productName(Subject subject) {
        return plain(subject.name());
    }

    /**
     * The component: its purl in canonical form (type and, where the purl type says so, name in
     * lower case, qualifiers sorted, percent-encoding normalised), else its CPE in lower case, else
     * {@code group/name@version}.
     */
    static String componentIdentity(Component component) {
        String purl = component.purl().strip();
        if (!purl.isEmpty()) {
            String canonical = PackageUrlParts.canonical(purl);
            if (canonical != null) {
                return canonical;
            }
            try {
                return new PackageURL(purl).canonicalize();
            } catch (MalformedPackageURLException e) {
                return purl;
            }
        }
        if (!component.cpe().isBlank()) {
            return component.cpe().strip().toLowerCase(Locale.ROOT);
        }
        String name = component.group().isBlank() ? component.name().strip()
                : component.group().strip() + "/" + component.name().strip();
        return name + "@" + component.version().strip();
    }

    private static String plain(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static void part(ByteArrayOutputStream input, String text) {
        input.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value;
    }
}
