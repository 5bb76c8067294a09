package dev.tandem.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** API keys: a public key id, the SHA-256 of the secret, a name and a role. */
public final class ApiKeys {

    /** A key as stored (never its secret). */
    public record StoredKey(long id, Tenant tenant, String keyId, byte[] secretSha256, String name, Role role,
            String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private static final String SELECT = "select k.*, o.name as org_name from api_keys k join organisations o on o.id = k.org_id ";

    private final Handle h;

    public ApiKeys(Handle h) {
        this.h = h;
    }

    public long create(Tenant tenant, String keyId, byte[] secretSha256, String name, Role role, String createdBy,
            Instant at) {
        return h.createUpdate("insert into api_keys (org_id, key_id, secret_sha256, name, role, created_by, created_at)"
                        + " values (:org, :keyId, :secret, :name, :role, :by, :at)")
                .bind("org", tenant.id()).bind("keyId", keyId).bind("secret", secretSha256).bind("name", name)
                .bind("role", role.label()).bind("by", createdBy).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The key of a public id, in any organisation (ids are unique across the server). */
    public Optional<StoredKey> byKeyId(String keyId) {
        return h.createQuery(SELECT + "where k.key_id = :keyId").bind("keyId", keyId).map(ApiKeys::row).findOne();
    }

    public List<StoredKey> list(Tenant tenant) {
        return h.createQuery(SELECT + "where k.org_id = :org order by k.id").bind("org", tenant.id()).map(ApiKeys::row)
                .list();
    }

    public Optional<StoredKey> find(Tenant tenant, String keyId) {
        return h.createQuery(SELECT + "where k.org_id = :org and k.key_id = :keyId").bind("org", tenant.id())
                .bind("keyId", keyId).map(ApiKeys::row).findOne();
    }

    /** Revokes a key of the organisation; false when it has no such key or it was revoked already. */
    public boolean revoke(Tenant tenant, String keyId, Instant at) {
        return h.createUpdate("update api_keys set revoked_at = :at where org_id = :org and key_id = :keyId"
                        + " and revoked_at is null")
                .bind("at", at).bind("org", tenant.id()).bind("keyId", keyId).execute() == 1;
    }

    /** Notes the key's use, at most once a minute (no write per request). */
    public void touch(long id, Instant at) {
        h.createUpdate("update api_keys set last_used_at = :at where id = :id"
                        + " and (last_used_at is null or last_used_at < cast(:at as timestamptz) - interval '1 minute')")
                .bind("at", at).bind("id", id).execute();
    }

    private static StoredKey row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredKey(rs.getLong("id"), new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                rs.getString("key_id"), rs.getBytes("secret_sha256"), rs.getString("name"), Role.of(rs.getString("role")),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
