package dev.tandem.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Random secrets: API keys ({@code tdm_<12 hex key id>_<43 base64url characters>}: 256 random bits
 * after a public id the server finds the key by), session tokens and CSRF tokens; and their SHA-256.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The form of an API key; {@link #keyId} checks it without a regular expression. */
    static final Pattern API_KEY = Pattern.compile("tdm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    private Tokens() {
    }

    /** A new API key: its public id and the whole secret to hand to the user once. */
    public record NewKey(String keyId, String secret) {
        @Override
        public String toString() {
            return "NewKey[" + keyId + "]";
        }
    }

    public static NewKey apiKey() {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        return new NewKey(keyId, "tdm_" + keyId + "_" + random(32));
    }

    /**
     * The key id of a presented API key, when it has the form of one ({@link #API_KEY}, checked character by
     * character: on every API request, where the regular expression cost more than hashing the key).
     */
    public static Optional<String> keyId(String presented) {
        String key = presented == null ? "" : presented.strip();
        if (key.length() != KEY_LENGTH || !key.startsWith("tdm_") || key.charAt(16) != '_') {
            return Optional.empty();
        }
        for (int i = 4; i < 16; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Optional.empty();
            }
        }
        for (int i = 17; i < KEY_LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return Optional.empty();
            }
        }
        return Optional.of(key.substring(4, 16));
    }

    /** {@code tdm_}, 12 hex digits, {@code _}, 43 base64url characters. */
    private static final int KEY_LENGTH = 60;

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Compares in constant time. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
