package dev.tandem.feed;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The digests a server states for a body: Google Cloud Storage's {@code x-goog-hash} (crc32c, md5),
 * {@code Content-MD5}, and {@code Repr-Digest} (RFC 9530) or the older {@code Digest} (RFC 3230)
 * with sha-256 or md5. Each is compared with what arrived; an unknown algorithm is ignored.
 */
final class ServerDigests {

    private ServerDigests() {
    }

    /** Algorithm (crc32c, md5, sha-256) → the digest's bytes, as the headers state them. */
    static Map<String, byte[]> of(HttpHeaders headers) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        for (String value : headers.allValues("x-goog-hash")) {
            for (String part : value.split(",")) {
                add(digests, part, '=');
            }
        }
        headers.firstValue("content-md5").ifPresent(md5 -> put(digests, "md5", md5));
        for (String name : List.of("repr-digest", "digest")) {
            for (String value : headers.allValues(name)) {
                for (String part : value.split(",")) {
                    add(digests, part.replace(":", ""), '=');
                }
            }
        }
        return digests;
    }

    private static void add(Map<String, byte[]> digests, String part, char separator) {
        int at = part.indexOf(separator);
        if (at <= 0) {
            return;
        }
        String algorithm = part.substring(0, at).strip().toLowerCase(Locale.ROOT);
        String value = part.substring(at + 1).strip();
        switch (algorithm) {
            case "crc32c", "md5" -> put(digests, algorithm, value);
            case "sha-256", "sha256" -> put(digests, "sha-256", value);
            default -> { }
        }
    }

    private static void put(Map<String, byte[]> digests, String algorithm, String base64) {
        try {
            digests.putIfAbsent(algorithm, Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            digests.putIfAbsent(algorithm, new byte[0]); // malformed: never equal, so the body is refused
        }
    }

    /** The algorithms whose stated digest differs from the computed one; empty when all agree. */
    static List<String> mismatches(Map<String, byte[]> stated, Map<String, byte[]> computed) {
        List<String> wrong = new ArrayList<>();
        stated.forEach((algorithm, digest) -> {
            byte[] actual = computed.get(algorithm);
            if (actual != null && !java.util.Arrays.equals(actual, digest)) {
                wrong.add(algorithm);
            }
        });
        return wrong;
    }
}
