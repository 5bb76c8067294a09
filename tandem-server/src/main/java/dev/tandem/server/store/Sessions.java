package dev.tandem.server.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Web sessions: the SHA-256 of the cookie's token, the user, a CSRF token and an expiry. */
public final class Sessions {

    /** A live session and its user. */
    public record StoredSession(Users.StoredUser user, String csrfToken, Instant expiresAt) {
    }

    private final Handle h;

    public Sessions(Handle h) {
        this.h = h;
    }

    public void create(byte[] tokenSha256, Users.StoredUser user, String csrfToken, Instant at, Instant expiresAt) {
        h.createUpdate("insert into sessions (token_sha256, user_id, org_id, csrf_token, created_at, expires_at)"
                        + " values (:token, :user, :org, :csrf, :at, :expires)")
                .bind("token", tokenSha256).bind("user", user.id()).bind("org", user.tenant().id())
                .bind("csrf", csrfToken).bind("at", at).bind("expires", expiresAt).execute();
    }

    /** The session of a token, unless it expired or its user was disabled. */
    public Optional<StoredSession> find(byte[] tokenSha256, Instant now) {
        Optional<Object[]> row = h.createQuery("select user_id, org_id, csrf_token, expires_at from sessions"
                        + " where token_sha256 = :token and expires_at > :now")
                .bind("token", tokenSha256).bind("now", now)
                .map((rs, ctx) -> new Object[] {rs.getLong("user_id"), rs.getLong("org_id"), rs.getString("csrf_token"),
                        rs.getTimestamp("expires_at").toInstant()})
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        return new Users(h).byId(new Tenant((Long) r[1], ""), (Long) r[0]).filter(u -> !u.disabled())
                .map(u -> new StoredSession(u, (String) r[2], (Instant) r[3]));
    }

    /** Ends one session; how many ended (0 or 1). */
    public int delete(byte[] tokenSha256) {
        return h.createUpdate("delete from sessions where token_sha256 = :token").bind("token", tokenSha256).execute();
    }

    /** Ends every session of a user but the one of {@code keepSha256} (null: all of them); how many ended. */
    public int deleteForUser(long userId, byte[] keepSha256) {
        if (keepSha256 == null) {
            return h.createUpdate("delete from sessions where user_id = :user").bind("user", userId).execute();
        }
        return h.createUpdate("delete from sessions where user_id = :user and token_sha256 <> :keep")
                .bind("user", userId).bind("keep", keepSha256).execute();
    }

    public int purgeExpired(Instant now) {
        return h.createUpdate("delete from sessions where expires_at <= :now").bind("now", now).execute();
    }
}
