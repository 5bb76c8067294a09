package dev.tandem.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). Verification reads the parameters
 * from the stored string, so they can be raised later without invalidating existing hashes.
 */
public final class Passwords {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private Passwords() {
    }

    /** The PHC string of a new hash of {@code password} with a fresh 16-byte salt. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches the stored PHC string; false for any malformed string. */
    public static boolean verify(String password, String stored) {
        try {
            String[] parts = stored.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return false;
            }
            int memory = 0;
            int iterations = 0;
            int lanes = 0;
            for (String parameter : parts[3].split(",")) {
                String[] kv = parameter.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> lanes = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (memory < 8 || iterations < 1 || lanes < 1 || expected.length < 16) {
                return false;
            }
            return MessageDigest.isEqual(expected, argon2(password, salt, memory, iterations, lanes, expected.length));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A random password for a new user: 20 characters from an unambiguous alphabet (about 114 bits). */
    public static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
