package dev.tandem.server.auth;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.ApiKeys;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.LoginThrottles;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Sessions;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.store.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Organisations, users and API keys: created by admins, every change audited, secrets shown once. */
public final class Accounts {

    private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}");
    private static final Pattern KEY_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+-]{0,99}");

    private final Database database;
    private final Clock clock;
    private final KeyCache keys;
    private final Authenticator authenticator;

    public Accounts(Database database, Clock clock) {
        this(database, clock, new KeyCache());
    }

    /** Accounts whose key revocations reach the authenticator's {@code keys} at once. */
    public Accounts(Database database, Clock clock, KeyCache keys) {
        this(database, clock, keys, new Authenticator(database, clock, LoginThrottle.DEFAULT, keys));
    }

    /**
     * Accounts whose key revocations reach {@code keys} at once and whose password changes check the
     * current password under {@code authenticator}'s login throttle (the same counters and turns).
     */
    public Accounts(Database database, Clock clock, KeyCache keys, Authenticator authenticator) {
        this.database = database;
        this.clock = clock;
        this.keys = keys;
        this.authenticator = authenticator;
    }

    /** A new organisation with its first admin: the password and key are shown once. */
    public record NewOrganisation(Tenant tenant, String adminUsername, String adminPassword, Tokens.NewKey adminKey) {
        @Override
        public String toString() {
            return "NewOrganisation[" + tenant + ", " + adminUsername + "]";
        }
    }

    /** A new user; the password is shown once (generated when none was given). */
    public record NewUser(long id, String username, Role role, String password) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    /** Creates an organisation, its admin user ({@code admin@NAME}) and an admin key; operator admins only. */
    public NewOrganisation createOrganisation(Caller caller, String name) {
        require(caller, Role.ADMIN);
        if (!caller.operator()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "only admins of the organisation '"
                    + Authenticator.OPERATOR_ORGANISATION + "' create organisations");
        }
        if (name == null || !ORGANISATION.matcher(name).matches()) {
            throw Refusal.invalid("an organisation name is 1 to 63 lower-case letters, digits and '-', starting with a letter or digit");
        }
        Instant now = clock.instant();
        return database.transaction(h -> {
            Organisations organisations = new Organisations(h);
            if (organisations.find(name).isPresent()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "an organisation named '" + name + "' exists already");
            }
            NewOrganisation created = bootstrap(h, name, "admin@" + name, caller.actor(), now);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "organisation.create", "organisation:" + name,
                    Map.of("name", name, "admin", created.adminUsername()));
            return created;
        });
    }

    /** The organisation, its admin and admin key, created in the caller's transaction and audited in its own chain. */
    static NewOrganisation bootstrap(org.jdbi.v3.core.Handle h, String name, String adminUsername, String actor,
            Instant now) {
        if (new Users(h).exists(adminUsername)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "a user named '" + adminUsername + "' exists already");
        }
        Tenant tenant = new Organisations(h).create(name, now);
        String password = Passwords.generate();
        long userId = new Users(h).create(tenant, adminUsername, Passwords.hash(password), Role.ADMIN, now);
        Tokens.NewKey key = Tokens.apiKey();
        new ApiKeys(h).create(tenant, key.keyId(), Tokens.sha256(key.secret()), "admin", Role.ADMIN, actor, now);
        AuditLog audit = new AuditLog(h);
        audit.append(tenant, now, actor, "organisation.create", "organisation:" + name, Map.of("name", name));
        audit.append(tenant, now, actor, "user.create", "user:" + adminUsername,
                Map.of("username", adminUsername, "role", "admin", "id", userId));
        audit.append(tenant, now, actor, "apikey.create", "apikey:" + key.keyId(),
                Map.of("name", "admin", "role", "admin", "keyId", key.keyId()));
        return new NewOrganisation(tenant, adminUsername, password, key);
    }

    public NewUser createUser(Caller caller, String username, Role role, String password) {
        require(caller, Role.ADMIN);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw Refusal.invalid("a username is 1 to 100 letters, digits and . _ @ + -, starting with a letter or digit");
        }
        if (password != null && (password.length() < 12 || password.length() > 1000)) {
            throw Refusal.invalid("a password has 12 to 1000 characters");
        }
        String secret = password == null ? Passwords.generate() : password;
        String hash = Passwords.hash(secret);
        Instant now = clock.instant();
        return database.transaction(h -> {
            Users users = new Users(h);
            if (users.exists(username)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "a user named '" + username + "' exists already");
            }
            long id = users.create(caller.tenant(), username, hash, role, now);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "user.create", "user:" + username,
                    Map.of("username", username, "role", role.label(), "id", id));
            return new NewUser(id, username, role, secret);
        });
    }

    /**
     * The logged-in user changes their own password from {@code address}: the current one is required
     * and checked under the login throttle (a wrong one counts like a failed login of the account and
     * is audited as {@code user.password.change.failure}; while the account or the address is locked
     * the change is refused with {@link Refusal.Kind#TOO_MANY_REQUESTS} and a {@code retryAfter} in
     * seconds, without checking the password; the wrong password that earns the lockout also ends the
     * session of {@code currentSessionSha256}, audited as {@code user.session.end}, and the refusal says
     * {@code sessionEnded}); the new one is checked like a new user's; every other
     * session of the user ends (the one of {@code currentSessionSha256} stays), and the change is
     * audited (never the passwords).
     */
    public void changePassword(Caller caller, long userId, String current, String replacement,
            byte[] currentSessionSha256, String address) {
        checkPassword(replacement);
        Users.StoredUser user = database.read(h -> new Users(h).byId(caller.tenant(), userId))
                .orElseThrow(() -> Refusal.notFound("user " + userId));
        switch (authenticator.checkPassword(user, current, caller.actor(), address)) {
            case Authenticator.PasswordCheck.Throttled throttled -> throw new Refusal(Refusal.Kind.TOO_MANY_REQUESTS,
                    "too many wrong passwords for this account or from this address; the password was not changed",
                    Map.of("retryAfter", throttled.retryAfter().toSeconds()));
            case Authenticator.PasswordCheck.Wrong wrong ->
                throw Refusal.invalid("the current password is wrong; the password was not changed");
            case Authenticator.PasswordCheck.Locked locked -> {
                // The session that earned the lockout ends with it: whoever holds it (perhaps not the
                // user) cannot wait the lock out and guess on.
                Instant now = clock.instant();
                int ended = database.transaction(h -> {
                    int n = currentSessionSha256 == null ? 0 : new Sessions(h).delete(currentSessionSha256);
                    new AuditLog(h).append(caller.tenant(), now, caller.actor(), "user.session.end",
                            "user:" + user.username(), Map.of("username", user.username(), "reason",
                                    "locked after wrong current passwords on a password change", "sessionsEnded", n));
                    return n;
                });
                throw new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "too many wrong passwords: the account is locked, the"
                        + " password was not changed and this session has ended",
                        Map.of("retryAfter", locked.retryAfter().toSeconds(), "sessionEnded", ended > 0));
            }
            case Authenticator.PasswordCheck.Right right -> {
            }
        }
        if (current.equals(replacement)) {
            throw Refusal.invalid("the new password is the current one");
        }
        String hash = Passwords.hash(replacement);
        Instant now = clock.instant();
        database.transaction(h -> {
            new Users(h).setPassword(caller.tenant(), userId, hash);
            int ended = new Sessions(h).deleteForUser(userId, currentSessionSha256);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "user.password.change", "user:" + user.username(),
                    Map.of("username", user.username(), "sessionsEnded", ended));
            return null;
        });
    }

    /**
     * An admin sets another user's password of the same organisation (generated and shown once when
     * none is given): every session of that user ends, a login lockout of the account is lifted, and the
     * reset is audited. Another organisation's user is not found.
     */
    public NewUser resetPassword(Caller caller, long userId, String password) {
        require(caller, Role.ADMIN);
        if (password != null) {
            checkPassword(password);
        }
        String secret = password == null ? Passwords.generate() : password;
        String hash = Passwords.hash(secret);
        Instant now = clock.instant();
        return database.transaction(h -> {
            Users users = new Users(h);
            Users.StoredUser user = users.byId(caller.tenant(), userId)
                    .orElseThrow(() -> Refusal.notFound("user " + userId));
            users.setPassword(caller.tenant(), userId, hash);
            int ended = new Sessions(h).deleteForUser(userId, null);
            new LoginThrottles(h).clear(LoginThrottle.accountKey(user.username()));
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "user.password.reset", "user:" + user.username(),
                    Map.of("username", user.username(), "generated", password == null, "sessionsEnded", ended));
            return new NewUser(user.id(), user.username(), user.role(), secret);
        });
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 1000) {
            throw Refusal.invalid("a password has 12 to 1000 characters");
        }
    }

    public List<Users.StoredUser> users(Caller caller) {
        require(caller, Role.ADMIN);
        return database.read(h -> new Users(h).list(caller.tenant()));
    }

    /** A new API key of the caller's organisation; its secret is returned once and never stored. */
    public Tokens.NewKey createKey(Caller caller, String name, Role role) {
        require(caller, Role.ADMIN);
        if (name == null || !KEY_NAME.matcher(name).matches()) {
            throw Refusal.invalid("a key name is 1 to 100 letters, digits, spaces and . _ @ + -");
        }
        Tokens.NewKey key = Tokens.apiKey();
        Instant now = clock.instant();
        database.transaction(h -> {
            new ApiKeys(h).create(caller.tenant(), key.keyId(), Tokens.sha256(key.secret()), name, role, caller.actor(), now);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "apikey.create", "apikey:" + key.keyId(),
                    Map.of("name", name, "role", role.label(), "keyId", key.keyId()));
            return null;
        });
        return key;
    }

    public List<ApiKeys.StoredKey> keys(Caller caller) {
        require(caller, Role.ADMIN);
        return database.read(h -> new ApiKeys(h).list(caller.tenant()));
    }

    public void revokeKey(Caller caller, String keyId) {
        require(caller, Role.ADMIN);
        Instant now = clock.instant();
        database.transaction(h -> {
            ApiKeys keys = new ApiKeys(h);
            ApiKeys.StoredKey key = keys.find(caller.tenant(), keyId).orElseThrow(() -> Refusal.notFound("API key " + keyId));
            if (!keys.revoke(caller.tenant(), keyId, now)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "API key " + keyId + " was revoked already");
            }
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "apikey.revoke", "apikey:" + keyId,
                    Map.of("name", key.name(), "keyId", keyId));
            return null;
        });
        keys.forget(keyId);
    }

    /** Refuses a caller whose role is below {@code needed}. */
    public static void require(Caller caller, Role needed) {
        if (!caller.role().covers(needed)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "this needs the " + needed.label() + " role; the caller is "
                    + caller.role().label());
        }
    }
}
