package dev.tandem.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestClock;
import dev.tandem.server.TestDatabase;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a verified API key is trusted without the database and without hashing it again: two server
 * instances over one database, each with its own key cache, on a clock the test moves. A revoked key stops
 * at once on the instance that revoked it and within {@link KeyCache#FRESH} on the other; a wrong secret is
 * never let through by the cache nor kept in it.
 */
class ApiKeyTrustTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static Database database;
    private static String adminKey;

    @BeforeAll
    static void open(@TempDir Path secrets) throws Exception {
        database = Database.open(TestDatabase.fresh("api-key-trust"), 4);
        FirstStart.ensure(database, secrets, TestClock.stoppedAt(T0));
        adminKey = Files.readString(secrets.resolve("admin-key")).strip();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** One server instance: its authenticator and accounts share its key cache, as {@code Services} wires them. */
    private record Instance(KeyCache keys, Authenticator authenticator, Accounts accounts) {
        static Instance on(TestClock clock) {
            KeyCache keys = new KeyCache();
            Authenticator authenticator = new Authenticator(database, clock, LoginThrottle.DEFAULT, keys);
            return new Instance(keys, authenticator, new Accounts(database, clock, keys, authenticator));
        }

        Optional<Caller> call(String key) {
            return authenticator.bearer("Bearer " + key);
        }

        /** A new key of the operator organisation, created by its admin on this instance. */
        String newKey(String name, Role role) {
            return accounts.createKey(call(adminKey).orElseThrow(), name, role).secret();
        }

        void revoke(String key) {
            accounts.revokeKey(call(adminKey).orElseThrow(), Tokens.keyId(key).orElseThrow());
        }

        boolean trustsWithoutHashing(String key, TestClock clock) {
            String keyId = Tokens.keyId(key).orElseThrow();
            return keys.get(keyId, clock.instant()).map(k -> k.verifies(key.getBytes(StandardCharsets.UTF_8))).orElse(false);
        }
    }

    /** The key's form is checked by hand on every request: exactly as its regular expression reads it. */
    @Test
    void theKeyFormIsReadAsItsPatternSays() {
        java.util.Random random = new java.util.Random(20261206);
        String alphabet = "tdm_0123456789abcdefxyzABCDEFXYZ-_ .:/+=\u00e9\u0660\uff10";
        java.util.List<String> presented = new java.util.ArrayList<>(java.util.Arrays.asList(null, "", " ", "tdm_", "Bearer x"));
        for (int i = 0; i < 2000; i++) {
            String key = Tokens.apiKey().secret();
            presented.add(key);
            presented.add(" " + key + "\t");
            char[] chars = key.toCharArray();
            chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            presented.add(new String(chars));
            presented.add(key.substring(0, random.nextInt(key.length())));
            presented.add(key + alphabet.charAt(random.nextInt(alphabet.length())));
        }
        for (String p : presented) {
            java.util.regex.Matcher form = Tokens.API_KEY.matcher(p == null ? "" : p.strip());
            assertThat(Tokens.keyId(p)).as("%s", p).isEqualTo(form.matches() ? Optional.of(form.group(1)) : Optional.empty());
        }
    }

    @Test
    void aRevokedKeyStopsAtOnceWhereItWasRevokedAndWithinTheTrustWindowElsewhere() {
        TestClock clock = TestClock.stoppedAt(T0.plus(Duration.ofHours(1)));
        Instance a = Instance.on(clock);
        Instance b = Instance.on(clock);
        String key = a.newKey("ci upload", Role.VIEWER);

        // The first use writes the key's last use (and forgets it); the next read holds it with its verified secret.
        assertThat(a.call(key)).map(Caller::actor).contains("key:ci upload");
        assertThat(b.call(key)).map(Caller::role).contains(Role.VIEWER);
        assertThat(b.trustsWithoutHashing(key, clock)).as("b holds the verified secret").isTrue();
        assertThat(b.call(key)).as("served from b's cache").isPresent();

        clock.step(Duration.ofSeconds(2));
        a.revoke(key);
        assertThat(a.call(key)).as("refused at once where it was revoked").isEmpty();
        assertThat(b.call(key)).as("still trusted by b, 2 s into its %s window", KeyCache.FRESH).isPresent();

        clock.step(KeyCache.FRESH.minus(Duration.ofSeconds(2)).plusMillis(1));
        assertThat(b.trustsWithoutHashing(key, clock)).as("b's trust ended %s after its read", KeyCache.FRESH).isFalse();
        assertThat(b.call(key)).as("refused by b once its window is over").isEmpty();
        clock.step(Duration.ofMinutes(1));
        assertThat(b.call(key)).as("and it stays refused").isEmpty();
        assertThat(b.trustsWithoutHashing(key, clock)).as("a revoked key's secret is never held").isFalse();
    }

    @Test
    void usingAKeyDoesNotExtendItsTrustWindow() {
        TestClock clock = TestClock.stoppedAt(T0.plus(Duration.ofHours(2)));
        Instance a = Instance.on(clock);
        Instance b = Instance.on(clock);
        String key = a.newKey("busy", Role.EDITOR);
        assertThat(a.call(key)).isPresent();
        assertThat(b.call(key)).isPresent();
        a.revoke(key);
        // Used every second, b still reads the key again once its window from the first read is over.
        for (int second = 1; second < KeyCache.FRESH.toSeconds(); second++) {
            clock.step(Duration.ofSeconds(1));
            assertThat(b.call(key)).as("second %d", second).isPresent();
        }
        clock.step(Duration.ofSeconds(1).plusMillis(1));
        assertThat(b.call(key)).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedAndNeverKeptEvenWhileTheRightOneIsHeld() {
        TestClock clock = TestClock.stoppedAt(T0.plus(Duration.ofHours(3)));
        Instance a = Instance.on(clock);
        String key = a.newKey("uploader", Role.EDITOR);
        a.call(key);
        assertThat(a.call(key)).isPresent();
        assertThat(a.trustsWithoutHashing(key, clock)).isTrue();
        int held = a.keys().size();

        // The right key id with another secret of the same form, and a secret one character off.
        String keyId = Tokens.keyId(key).orElseThrow();
        String other = "tdm_" + keyId + "_" + Tokens.random(32);
        char last = key.charAt(key.length() - 1);
        String oneOff = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String wrong : new String[] {other, oneOff}) {
            assertThat(a.call(wrong)).as(wrong).isEmpty();
            assertThat(a.trustsWithoutHashing(wrong, clock)).isFalse();
        }
        // Unknown key ids hold nothing either.
        for (int i = 0; i < 50; i++) {
            assertThat(a.call(Tokens.apiKey().secret())).isEmpty();
        }
        assertThat(a.keys().size()).as("failed secrets and unknown ids are not kept").isEqualTo(held);
        assertThat(a.trustsWithoutHashing(key, clock)).as("the right secret is still held").isTrue();
        assertThat(a.call(key)).isPresent();
    }
}
