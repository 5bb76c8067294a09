package dev.tandem.server.store;

import dev.tandem.sbom.Component;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SBOM documents as uploaded (content-addressed per organisation), their attachment to releases, their components. */
public final class Sboms {

    /** An SBOM of a release. */
    public record StoredSbom(long id, long releaseId, String sha256, String source, String format, String specVersion,
            String mediaType, int components, String uploadedBy, Instant uploadedAt, long size) {
    }

    /** An SBOM's bytes with the name it was uploaded under. */
    public record Content(String source, byte[] bytes) {
    }

    private final Handle h;

    public Sboms(Handle h) {
        this.h = h;
    }

    /** Stores the bytes once per organisation and content. */
    public void storeDocument(Tenant tenant, String sha256, byte[] content) {
        h.createUpdate("insert into sbom_documents (org_id, sha256, content, size) values (:org, :sha, :content, :size)"
                        + " on conflict do nothing")
                .bind("org", tenant.id()).bind("sha", sha256).bind("content", content).bind("size", content.length)
                .execute();
    }

    /** Attaches a stored document to a release; empty when the release has it already. */
    public Optional<Long> attach(Tenant tenant, long releaseId, String sha256, String source, String format,
            String specVersion, String mediaType, int components, String by, Instant at) {
        return h.createUpdate("insert into release_sboms (org_id, release_id, sha256, source, format, spec_version,"
                        + " media_type, component_count, uploaded_by, uploaded_at) values (:org, :release, :sha, :source,"
                        + " :format, :spec, :media, :count, :by, :at) on conflict (release_id, sha256) do nothing")
                .bind("org", tenant.id()).bind("release", releaseId).bind("sha", sha256).bind("source", source)
                .bind("format", format).bind("spec", specVersion).bind("media", mediaType).bind("count", components)
                .bind("by", by).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne();
    }

    /** Stores the parsed components of an SBOM in one COPY. */
    public void insertComponents(Tenant tenant, long sbomId, List<Component> components) {
        CopyRows rows = new CopyRows();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            rows.value(sbomId).value(i).value(tenant.id()).value(c.bomRef()).value(c.name()).value(c.group())
                    .value(c.version()).value(c.purl()).value(c.cpe()).value(c.supplier())
                    .value(c.dependency().name().toLowerCase(Locale.ROOT)).endRow();
        }
        rows.copy(h, "components", "sbom_id, ordinal, org_id, bom_ref, name, grp, version, purl, cpe, supplier, dependency");
    }

    /** The SBOMs of a release, in upload order. */
    public List<StoredSbom> forRelease(Tenant tenant, long releaseId) {
        return h.createQuery("select s.*, d.size from release_sboms s join sbom_documents d on d.org_id = s.org_id"
                        + " and d.sha256 = s.sha256 where s.org_id = :org and s.release_id = :release order by s.id")
                .bind("org", tenant.id()).bind("release", releaseId)
                .map((rs, ctx) -> new StoredSbom(rs.getLong("id"), rs.getLong("release_id"), rs.getString("sha256"),
                        rs.getString("source"), rs.getString("format"), rs.getString("spec_version"),
                        rs.getString("media_type"), rs.getInt("component_count"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant(), rs.getLong("size")))
                .list();
    }

    /** The documents of a release, in upload order, for a scan. */
    public List<Content> contents(Tenant tenant, long releaseId) {
        return h.createQuery("select s.source, d.content from release_sboms s join sbom_documents d"
                        + " on d.org_id = s.org_id and d.sha256 = s.sha256 where s.org_id = :org and s.release_id = :release"
                        + " order by s.id")
                .bind("org", tenant.id()).bind("release", releaseId)
                .map((rs, ctx) -> new Content(rs.getString("source"), rs.getBytes("content"))).list();
    }

    /** One document's bytes, by content hash. */
    public Optional<byte[]> document(Tenant tenant, String sha256) {
        return h.createQuery("select content from sbom_documents where org_id = :org and sha256 = :sha")
                .bind("org", tenant.id()).bind("sha", sha256).mapTo(byte[].class).findOne();
    }
}
