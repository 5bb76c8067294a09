package dev.tandem.lockfile;

import dev.tandem.sbom.Hash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checksums lockfiles record, as CycloneDX hash algorithms with hex values. */
final class Checksums {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha1", "SHA-1", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "md5", "MD5");

    private static final Map<String, Integer> HEX_LENGTHS = Map.of(
            "SHA-1", 40, "SHA-256", 64, "SHA-384", 96, "SHA-512", 128, "MD5", 32);

    private Checksums() {
    }

    /**
     * Subresource-integrity strings ({@code sha512-<base64>}, several separated by spaces), as npm, yarn
     * and pnpm write them; values that are not valid are left out (the lockfile's package still counts).
     */
    static List<Hash> integrity(String text) {
        List<Hash> hashes = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            int dash = part.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            String algorithm = ALGORITHMS.get(part.substring(0, dash).toLowerCase(Locale.ROOT));
            if (algorithm == null) {
                continue;
            }
            try {
                String value = part.substring(dash + 1);
                int option = value.indexOf('?');
                byte[] digest = Base64.getDecoder().decode(option >= 0 ? value.substring(0, option) : value);
                Hash hash = new Hash(algorithm, HexFormat.of().formatHex(digest));
                if (valid(hash)) {
                    hashes.add(hash);
                }
            } catch (IllegalArgumentException e) {
                // Not Base64: not a checksum Tandem can state.
            }
        }
        return hashes;
    }

    /** A hex digest of a known algorithm ({@code sha256}, {@code SHA-256}); empty when not one. */
    static List<Hash> hex(String algorithm, String value) {
        String name = ALGORITHMS.getOrDefault(algorithm.toLowerCase(Locale.ROOT).replace("-", ""), "");
        Hash hash = name.isEmpty() ? null : new Hash(name, value.strip().toLowerCase(Locale.ROOT));
        return hash != null && valid(hash) ? List.of(hash) : List.of();
    }

    /** {@code sha256:<hex>} as Python lockfiles and pip write it. */
    static List<Hash> prefixed(String text) {
        int colon = text.indexOf(':');
        return colon > 0 ? hex(text.substring(0, colon), text.substring(colon + 1)) : List.of();
    }

    private static boolean valid(Hash hash) {
        Integer length = HEX_LENGTHS.get(hash.algorithm());
        return length != null && hash.value().length() == length && hash.value().chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
