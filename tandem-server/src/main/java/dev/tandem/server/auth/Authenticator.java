package dev.tandem.server.auth;

import dev.tandem.server.store.ApiKeys;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Sessions;
import dev.tandem.server.store.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Finds the caller of a request: an API key (Bearer) for the API, a session cookie for the web UI. */
public final class Authenticator {

    /** How long a web session lasts without a new login. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);

    /** The organisation created at first start; its admins operate the server. */
    public static final String OPERATOR_ORGANISATION = "default";

    private final Database database;
    private final Clock clock;

    public Authenticator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
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
        Optional<ApiKeys.StoredKey> key = database.read(h -> new ApiKeys(h).byKeyId(keyId.get()))
                .filter(k -> !k.revoked() && Tokens.same(k.secretSha256(), Tokens.sha256(presented)));
        // Last use is kept to the minute: one write a minute per key, not one per request.
        key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(k -> database.transaction(h -> {
                    new ApiKeys(h).touch(k.id(), now);
                    return null;
                }));
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

    /** A new session for a user whose password is right: the cookie's token; empty when the login fails. */
    public Optional<String> login(String username, String password) {
        if (username == null || password == null || username.length() > 200 || password.length() > 1000) {
            return Optional.empty();
        }
        Optional<Users.StoredUser> user = database.read(h -> new Users(h).byUsername(username.strip()))
                .filter(u -> !u.disabled());
        // Hash something either way, so a missing user answers as slowly as a wrong password.
        String stored = user.map(Users.StoredUser::passwordHash).orElse(DUMMY_HASH);
        if (!Passwords.verify(password, stored) || user.isEmpty()) {
            return Optional.empty();
        }
        String token = Tokens.random(32);
        Instant now = clock.instant();
        database.transaction(h -> {
            Sessions sessions = new Sessions(h);
            sessions.purgeExpired(now);
            sessions.create(Tokens.sha256(token), user.get(), Tokens.random(24), now, now.plus(SESSION_LENGTH));
            return null;
        });
        return Optional.of(token);
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
