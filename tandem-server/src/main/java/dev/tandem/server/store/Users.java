package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users who log in to the web UI with a password (kept as an Argon2id hash). */
public final class Users {

    /** A user as stored. */
    public record StoredUser(long id, Tenant tenant, String username, String passwordHash, Role role, Instant createdAt,
            boolean disabled) {
    }

    private static final String SELECT = "select u.id, u.username, u.password_hash, u.role, u.created_at, u.disabled,"
            + " o.id as org_id, o.name as org_name from users u join organisations o on o.id = u.org_id ";

    private final Handle h;

    public Users(Handle h) {
        this.h = h;
    }

    public long create(Tenant tenant, String username, String passwordHash, Role role, Instant at) {
        return h.createUpdate("insert into users (org_id, username, password_hash, role, created_at)"
                        + " values (:org, :username, :hash, :role, :at)")
                .bind("org", tenant.id()).bind("username", username).bind("hash", passwordHash)
                .bind("role", role.label()).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The user of a login name, in any organisation (login names are unique across the server). */
    public Optional<StoredUser> byUsername(String username) {
        return h.createQuery(SELECT + "where u.username = :username").bind("username", username).map(Users::row).findOne();
    }

    public Optional<StoredUser> byId(Tenant tenant, long id) {
        return h.createQuery(SELECT + "where u.id = :id and u.org_id = :org").bind("id", id).bind("org", tenant.id())
                .map(Users::row).findOne();
    }

    public List<StoredUser> list(Tenant tenant) {
        return h.createQuery(SELECT + "where u.org_id = :org order by u.username").bind("org", tenant.id())
                .map(Users::row).list();
    }

    public boolean exists(String username) {
        return h.createQuery("select exists (select 1 from users where username = :u)").bind("u", username)
                .mapTo(Boolean.class).one();
    }

    public void setPassword(Tenant tenant, long id, String passwordHash) {
        h.createUpdate("update users set password_hash = :hash where id = :id and org_id = :org")
                .bind("hash", passwordHash).bind("id", id).bind("org", tenant.id()).execute();
    }

    private static StoredUser row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new StoredUser(rs.getLong("id"), new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                rs.getString("username"), rs.getString("password_hash"), Role.of(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("disabled"));
    }
}
