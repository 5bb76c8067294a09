package dev.tandem.server.auth;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.ApiKeys;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.LoginThrottles;
import dev.tandem.server.store.Sessions;
import dev.tandem.server.store.Users;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the caller of a request: an API key (Bearer) for the API, a session cookie for the web UI. */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** How long a web session lasts without a new login. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);

    /** The organisation created at first start; its admins operate the server. */
    public static final String OPERATOR_ORGANISATION = "default";

    private final Database database;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final KeyCache keys;

    public Authenticator(Database database, Clock clock) {
        this(database, clock, LoginThrottle.DEFAULT, new KeyCache());
    }

    public Authenticator(Database database, Clock clock, LoginThrottle throttle, KeyCache keys) {
        this.database = database;
        this.clock = clock;
        this.throttle = throttle;
        this.keys = keys;
    }

    /** The caller of an {@code Authorization} header value ({@code Bearer tdm_…}), when the key is valid. */
    public Optional<Caller> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String presented = authorization.substring(7).strip();
        Optional<String> keyId = Tokens.keyId(presented);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] secret = presented.getBytes(StandardCharsets.UTF_8);
        Optional<KeyCache.Known> known = keys.get(keyId.get(), now);
        Optional<ApiKeys.StoredKey> key;
        if (known.isPresent() && known.get().verifies(secret)) {
            // The same secret matched this record's hash since it was read (and the record was not revoked then).
            key = Optional.of(known.get().key());
        } else {
            if (known.isEmpty()) {
                known = database.read(h -> new ApiKeys(h).byKeyId(keyId.get())).map(k -> keys.put(k, now));
            }
            key = known.map(KeyCache.Known::key)
                    .filter(k -> !k.revoked() && Tokens.same(k.secretSha256(), Tokens.sha256(presented)));
            if (key.isPresent()) {
                keys.verified(known.get(), secret);
            }
        }
        // Last use is kept to the minute: one write a minute per key, not one per request.
        key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(k -> {
                    database.transaction(h -> {
                        new ApiKeys(h).touch(k.id(), now);
                        return null;
                    });
                    keys.forget(k.keyId());
                });
        return key.map(k -> new Caller(k.tenant(), "key:" + k.name(), k.role(),
                k.tenant().name().equals(OPERATOR_ORGANISATION)));
    }

    /** A logged-in web user. */
    public record WebSession(Caller caller, long userId, String csrfToken) {
    }

    /** The session of a cookie's token, unless it expired. */
    public Optional<WebSession> session(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.read(h -> new Sessions(h).find(Tokens.sha256(token), now)).map(s -> new WebSession(
                new Caller(s.user().tenant(), "user:" + s.user().username(), s.user().role(),
                        s.user().tenant().name().equals(OPERATOR_ORGANISATION)),
                s.user().id(), s.csrfToken()));
    }

    /** What a login attempt came to. */
    public sealed interface LoginOutcome {
        /** The password was right: the new session's cookie token. */
        record Success(String token) implements LoginOutcome {
            @Override
            public String toString() {
                return "Success[…]";
            }
        }

        /** The user name or the password was wrong (the answer does not say which). */
        record Refused() implements LoginOutcome {
        }

        /** Too many failures for this account or this client address: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements LoginOutcome {
        }
    }

    /**
     * A login from {@code address}: refused without checking the password while the account or the
     * address is locked; a failure counts against both and may lock them; a success clears the account's
     * count. Failures and lockouts of an existing account are audited in its organisation.
     */
    public LoginOutcome login(String username, String password, String address) {
        if (username == null || password == null || username.isBlank() || username.length() > 200
                || password.length() > 1000) {
            return new LoginOutcome.Refused();
        }
        String name = username.strip();
        String accountKey = LoginThrottle.accountKey(name);
        String addressKey = LoginThrottle.addressKey(address == null || address.isBlank() ? "unknown" : address);
        // Attempts on one account (and from one address) take turns on this instance, so a burst of
        // parallel guesses cannot all pass the lockout check before the first failure is counted.
        // The two stripes are always taken in index order, so two attempts never wait on each other in a cycle.
        int a = stripe(accountKey);
        int b = stripe(addressKey);
        synchronized (stripes[Math.min(a, b)]) {
            synchronized (stripes[Math.max(a, b)]) {
                return attempt(name, password, accountKey, addressKey, address);
            }
        }
    }

    private final Object[] stripes = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private int stripe(String key) {
        return Math.floorMod(key.hashCode(), stripes.length);
    }

    private LoginOutcome attempt(String name, String password, String accountKey, String addressKey, String address) {
        Instant start = clock.instant();
        Optional<Instant> locked = database.read(h -> new LoginThrottles(h).lockedUntil(List.of(accountKey, addressKey),
                start));
        if (locked.isPresent()) {
            return new LoginOutcome.Throttled(retryAfter(start, locked.get()));
        }
        Optional<Users.StoredUser> user = database.read(h -> new Users(h).byUsername(name)).filter(u -> !u.disabled());
        // Hash something either way, so a missing user answers as slowly as a wrong password.
        String stored = user.map(Users.StoredUser::passwordHash).orElse(DUMMY_HASH);
        boolean right = Passwords.verify(password, stored) && user.isPresent();
        Instant now = clock.instant();
        if (!right) {
            return failed(name, user, accountKey, addressKey, address, now);
        }
        String token = Tokens.random(32);
        database.transaction(h -> {
            LoginThrottles throttles = new LoginThrottles(h);
            throttles.clear(accountKey);
            throttles.purge(now.minus(throttle.forgetAfter()).minus(throttle.longestLock()));
            Sessions sessions = new Sessions(h);
            sessions.purgeExpired(now);
            sessions.create(Tokens.sha256(token), user.get(), Tokens.random(24), now, now.plus(SESSION_LENGTH));
            return null;
        });
        return new LoginOutcome.Success(token);
    }

    private LoginOutcome failed(String name, Optional<Users.StoredUser> user, String accountKey, String addressKey,
            String address, Instant now) {
        countFailure(user.map(u -> new Failure(u, "login:" + u.username(), "user.login.failure", null)), accountKey,
                addressKey, address, now);
        return new LoginOutcome.Refused();
    }

    /** A failed password check to audit: whose account, who tried, under which action, and where (null: a login). */
    private record Failure(Users.StoredUser user, String actor, String action, String during) {
    }

    /**
     * One more failure against the account and the address, in one transaction; audited as
     * {@code failure.action()} and, when it earns a lockout, as {@code user.login.locked} (the lock
     * holds for logins and password changes alike). Returns when the lockout this failure earned ends
     * (the later of the account's and the address's), if it earned one.
     */
    private Optional<Instant> countFailure(Optional<Failure> failure, String accountKey, String addressKey, String address,
            Instant now) {
        return database.transaction(h -> {
            LoginThrottles throttles = new LoginThrottles(h);
            LoginThrottles.Counter account = count(throttles, accountKey, throttle.accountFreeFailures(), now);
            LoginThrottles.Counter from = count(throttles, addressKey, throttle.addressFreeFailures(), now);
            List<String> lockedScopes = new ArrayList<>();
            if (account.lockedUntil() != null) {
                lockedScopes.add("account");
            }
            if (from.lockedUntil() != null) {
                lockedScopes.add("address");
            }
            if (failure.isPresent()) {
                Users.StoredUser user = failure.get().user();
                AuditLog audit = new AuditLog(h);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("username", user.username());
                details.put("address", address);
                details.put("failures", account.failures());
                audit.append(user.tenant(), now, failure.get().actor(), failure.get().action(),
                        "user:" + user.username(), details);
                if (!lockedScopes.isEmpty()) {
                    Instant until = latest(account.lockedUntil(), from.lockedUntil());
                    Map<String, Object> lock = new LinkedHashMap<>();
                    lock.put("username", user.username());
                    lock.put("address", address);
                    lock.put("lockedUntil", until.toString());
                    lock.put("scope", String.join(", ", lockedScopes));
                    if (failure.get().during() != null) {
                        lock.put("during", failure.get().during());
                    }
                    audit.append(user.tenant(), now, failure.get().actor(), "user.login.locked",
                            "user:" + user.username(), lock);
                }
            }
            if (!lockedScopes.isEmpty()) {
                LOG.warn("{} throttled after repeated failures: {} ({} failures), address {} ({} failures)",
                        failure.map(f -> f.during() == null ? "login" : f.during()).orElse("login"), accountKey,
                        account.failures(), address, from.failures());
            }
            return lockedScopes.isEmpty() ? Optional.<Instant>empty()
                    : Optional.of(latest(account.lockedUntil(), from.lockedUntil()));
        });
    }

    /** What checking a logged-in user's current password came to. */
    public sealed interface PasswordCheck {
        /** The password is right; the account's failure count starts again. */
        record Right() implements PasswordCheck {
        }

        /** The password is wrong; the failure was counted like a failed login. */
        record Wrong() implements PasswordCheck {
        }

        /** The password is wrong, and this failure locked the account or the address for {@code retryAfter}. */
        record Locked(Duration retryAfter) implements PasswordCheck {
        }

        /** The account or the address is locked: not checked; try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements PasswordCheck {
        }
    }

    /**
     * Checks the current password of a logged-in {@code user} (before a password change) under the
     * login throttle: while the account or {@code address} is locked it is not checked at all, so a
     * stolen session cannot guess faster than a login could; a wrong one counts against the same
     * counters as a failed login (audited as {@code user.password.change.failure} by {@code actor}) and
     * may lock the account for logins too ({@link PasswordCheck.Locked}); a right one starts the
     * account's count again.
     */
    public PasswordCheck checkPassword(Users.StoredUser user, String password, String actor, String address) {
        String accountKey = LoginThrottle.accountKey(user.username());
        String addressKey = LoginThrottle.addressKey(address == null || address.isBlank() ? "unknown" : address);
        int a = stripe(accountKey);
        int b = stripe(addressKey);
        synchronized (stripes[Math.min(a, b)]) {
            synchronized (stripes[Math.max(a, b)]) {
                Instant start = clock.instant();
                Optional<Instant> locked = database.read(h -> new LoginThrottles(h)
                        .lockedUntil(List.of(accountKey, addressKey), start));
                if (locked.isPresent()) {
                    return new PasswordCheck.Throttled(retryAfter(start, locked.get()));
                }
                boolean right = password != null && password.length() <= 1000
                        && Passwords.verify(password, user.passwordHash());
                Instant now = clock.instant();
                if (!right) {
                    Failure failure = new Failure(user, actor, "user.password.change.failure", "password change");
                    Optional<Instant> lockedUntil = countFailure(Optional.of(failure), accountKey, addressKey, address, now);
                    return lockedUntil.<PasswordCheck>map(until -> new PasswordCheck.Locked(retryAfter(now, until)))
                            .orElseGet(PasswordCheck.Wrong::new);
                }
                database.transaction(h -> {
                    new LoginThrottles(h).clear(accountKey);
                    return null;
                });
                return new PasswordCheck.Right();
            }
        }
    }

    /** One more failure on a key's counter (a quiet period starts it again), and the lockout it earns. */
    private LoginThrottles.Counter count(LoginThrottles throttles, String key, int free, Instant now) {
        int failures = throttles.lock(key).filter(c -> c.lastFailure().isAfter(now.minus(throttle.forgetAfter())))
                .map(LoginThrottles.Counter::failures).orElse(0) + 1;
        Duration lock = throttle.lockAfter(failures, free);
        LoginThrottles.Counter counter = new LoginThrottles.Counter(key, failures, now,
                lock.isZero() ? null : now.plus(lock));
        throttles.put(counter);
        return counter;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Whole seconds until {@code until}, at least one. */
    private static Duration retryAfter(Instant now, Instant until) {
        long seconds = Duration.between(now, until).toMillis();
        return Duration.ofSeconds(Math.max(1, (seconds + 999) / 1000));
    }

    public void logout(String token) {
        if (token != null && !token.isBlank()) {
            database.transaction(h -> {
                new Sessions(h).delete(Tokens.sha256(token));
                return null;
            });
        }
    }

    private static final String DUMMY_HASH = Passwords.hash(Tokens.random(16));
}
