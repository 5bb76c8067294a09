package dev.tandem.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.audit.AuditEntry;
import dev.tandem.server.portfolio.FindingJson;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.ApiKeys;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Sboms;
import dev.tandem.server.store.TriageDecisions;
import dev.tandem.server.store.Users;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The API's JSON documents, member by member (the contract is the OpenAPI document): a member added
 * to a record never reaches a response by accident.
 */
public final class Views {

    static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    static ObjectNode product(Portfolio.ProductView view) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", view.product().slug());
        node.put("name", view.product().name());
        node.put("description", view.product().description());
        node.put("createdAt", view.product().createdAt().toString());
        node.put("createdBy", view.product().createdBy());
        ObjectNode open = node.putObject("openFindings");
        open.put("total", view.open());
        open.put("knownExploited", view.openKnownExploited());
        ObjectNode bySeverity = open.putObject("bySeverity");
        view.openBySeverity().forEach(bySeverity::put);
        view.latest().ifPresentOrElse(r -> node.put("latestRelease", r.release().version()),
                () -> node.putNull("latestRelease"));
        ArrayNode releases = node.putArray("releases");
        view.releases().forEach(r -> releases.add(release(view.product().slug(), r)));
        return node;
    }

    static ObjectNode release(String productSlug, Portfolio.ReleaseView view) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", view.release().version());
        node.put("createdAt", view.release().createdAt() == null ? null : view.release().createdAt().toString());
        ArrayNode sboms = node.putArray("sboms");
        view.sboms().forEach(s -> sboms.add(sbom(s)));
        view.scan().ifPresentOrElse(s -> node.set("summary", summary(s)), () -> node.putNull("summary"));
        node.put("findings", "/api/v1/products/" + productSlug + "/findings?release=" + urlEncode(view.release().version()));
        return node;
    }

    static ObjectNode sbom(Sboms.StoredSbom sbom) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sha256", sbom.sha256());
        node.put("source", sbom.source());
        node.put("format", sbom.format());
        node.put("specVersion", sbom.specVersion());
        node.put("mediaType", sbom.mediaType());
        node.put("components", sbom.components());
        node.put("size", sbom.size());
        node.put("uploadedAt", sbom.uploadedAt().toString());
        node.put("uploadedBy", sbom.uploadedBy());
        return node;
    }

    /** A release's findings in numbers, as the scan's JSON summary counts them. */
    static ObjectNode summary(Findings.ScanSummary summary) {
        ObjectNode node = JSON.createObjectNode();
        node.put("scannedAt", summary.scannedAt().toString());
        node.put("advisorySnapshot", summary.snapshotSha256());
        node.put("components", summary.components());
        node.put("findings", summary.findings());
        node.put("knownExploited", summary.knownExploited());
        node.put("suppressed", summary.suppressed());
        node.put("open", summary.findings() - summary.suppressed());
        node.put("unmatched", summary.unmatched());
        node.put("undecided", summary.undecided());
        node.set("bySeverity", parse(summary.bySeverity()));
        node.set("warnings", parse(summary.warnings()));
        return node;
    }

    /**
     * A page of findings as the API's JSON, written straight from the stored items: each item's JSON text
     * is copied as stored with its {@code triage} member added at the end, not parsed and written again
     * (which was most of a page's cost). The same document {@link #finding} builds member by member.
     */
    static byte[] findingPage(Portfolio.FindingPage page) {
        if (page.json() != null) {
            return heldFindingPage(page);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024 + page.items().size() * 1536);
        try (com.fasterxml.jackson.core.JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            pageHeader(json, page);
            for (Findings.Stored stored : page.items()) {
                TriageDecisions.Decision decision = page.decisions().get(stored.findingId());
                json.writeRawValue(withTriage(stored.item(), decision == null ? "null" : triage(decision).toString()));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A page whose items' bytes the findings cache holds: the members before the items, byte for byte as the
     * generator writes them ({@link #pageHeader}; the same escapes), then the items copied into one array of
     * the exact size (no buffer grown, no second copy). No generator per request: creating one cost more than
     * the members it wrote.
     */
    private static byte[] heldFindingPage(Portfolio.FindingPage page) {
        byte[] head = heldPageHead(page);
        byte[] body = new byte[heldPageLength(page, head)];
        copyHeldPage(page, head, body);
        return body;
    }

    /** The length of the held page that starts with {@code head} ({@link #heldPageHead}). */
    static int heldPageLength(Portfolio.FindingPage page, byte[] head) {
        long size = head.length + 2L;
        for (byte[] item : page.json()) {
            size += item.length + 1;
        }
        size -= page.json().isEmpty() ? 0 : 1;
        return Math.toIntExact(size);
    }

    /** Writes the held page that starts with {@code head} at the start of {@code into}; returns its length. */
    static int copyHeldPage(Portfolio.FindingPage page, byte[] head, byte[] into) {
        System.arraycopy(head, 0, into, 0, head.length);
        int at = head.length;
        for (int i = 0; i < page.json().size(); i++) {
            if (i > 0) {
                into[at++] = ',';
            }
            byte[] item = page.json().get(i);
            System.arraycopy(item, 0, into, at, item.length);
            at += item.length;
        }
        into[at++] = ']';
        into[at++] = '}';
        return at;
    }

    /** The page's members before the items, as {@link #pageHeader} writes them. */
    static byte[] heldPageHead(Portfolio.FindingPage page) {
        String slug = page.product().slug();
        String version = page.release().version();
        if (hasSurrogates(slug) || hasSurrogates(version)) {
            // The generator writes a character beyond the BMP as two escaped surrogates; the encoder as UTF-8.
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(256);
            try (com.fasterxml.jackson.core.JsonGenerator json = JSON.getFactory().createGenerator(head)) {
                pageHeader(json, page);
                json.flush();
                return head.toByteArray(); // taken before the generator closes the open array and object
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        com.fasterxml.jackson.core.io.JsonStringEncoder strings = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
        byte[] product = strings.quoteAsUTF8(slug);
        byte[] release = strings.quoteAsUTF8(version);
        byte[] numbers = ("\",\"total\":" + page.total() + ",\"offset\":" + page.offset() + ",\"limit\":" + page.limit()
                + ",\"items\":[").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] start = new byte[PRODUCT.length + product.length + RELEASE.length + release.length + numbers.length];
        int put = 0;
        for (byte[] part : new byte[][] {PRODUCT, product, RELEASE, release, numbers}) {
            System.arraycopy(part, 0, start, put, part.length);
            put += part.length;
        }
        return start;
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final byte[] PRODUCT = "{\"product\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] RELEASE = "\",\"release\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static void pageHeader(com.fasterxml.jackson.core.JsonGenerator json, Portfolio.FindingPage page)
            throws java.io.IOException {
        json.writeStartObject();
        json.writeStringField("product", page.product().slug());
        json.writeStringField("release", page.release().version());
        json.writeNumberField("total", page.total());
        json.writeNumberField("offset", page.offset());
        json.writeNumberField("limit", page.limit());
        json.writeArrayFieldStart("items");
    }

    /** A stored item's JSON object text with a last member {@code "triage": triage} (the item never has one). */
    static String withTriage(String item, String triage) {
        return FindingJson.withTriage(item, triage);
    }

    /** A stored finding item with its current triage (null when none). */
    static ObjectNode finding(Findings.Stored stored, Optional<TriageDecisions.Decision> decision) {
        ObjectNode item = (ObjectNode) parse(stored.item());
        decision.ifPresentOrElse(d -> item.set("triage", triage(d)), () -> item.putNull("triage"));
        return item;
    }

    static ObjectNode triage(TriageDecisions.Decision decision) {
        return FindingJson.triage(decision);
    }

    static ObjectNode user(Users.StoredUser user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("role", user.role().label());
        node.put("createdAt", user.createdAt().toString());
        node.put("disabled", user.disabled());
        return node;
    }

    static ObjectNode key(ApiKeys.StoredKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", key.keyId());
        node.put("name", key.name());
        node.put("role", key.role().label());
        node.put("createdBy", key.createdBy());
        node.put("createdAt", key.createdAt().toString());
        putInstant(node, "revokedAt", key.revokedAt());
        putInstant(node, "lastUsedAt", key.lastUsedAt());
        return node;
    }

    static ObjectNode audit(AuditEntry entry, boolean detailsAsText) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", entry.seq());
        node.put("at", entry.at().toString());
        node.put("actor", entry.actor());
        node.put("action", entry.action());
        node.put("target", entry.target());
        if (detailsAsText) {
            node.put("details", entry.details());
        } else {
            node.set("details", parse(entry.details()));
        }
        node.put("previousHash", entry.previousHash());
        node.put("hash", entry.hash());
        return node;
    }

    static ObjectNode map(Map<String, ?> members) {
        return JSON.valueToTree(members);
    }

    static void putInstant(ObjectNode node, String name, Instant instant) {
        if (instant == null) {
            node.putNull(name);
        } else {
            node.put(name, instant.toString());
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The advisory snapshot's freshness, as {@code /health} shows it. */
    static ObjectNode freshness(dev.tandem.server.portfolio.AdvisoryFreshness.Status status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("stale", status.stale());
        if (status.lastUpdate() == null) {
            node.putNull("lastUpdate");
        } else {
            node.put("lastUpdate", status.lastUpdate().toString());
        }
        node.put("staleAfter", status.limits().staleAfter().toString());
        node.put("failedRefreshesLimit", status.limits().failedRefreshes());
        ArrayNode warnings = node.putArray("warnings");
        for (dev.tandem.server.portfolio.AdvisoryFreshness.Warning w : status.warnings()) {
            ObjectNode warning = warnings.addObject();
            warning.put("kind", w.kind());
            warning.put("message", w.message());
            switch (w) {
                case dev.tandem.server.portfolio.AdvisoryFreshness.Aged aged -> {
                    warning.put("lastUpdate", aged.lastUpdate().toString());
                    warning.put("ageSeconds", aged.age().toSeconds());
                }
                case dev.tandem.server.portfolio.AdvisoryFreshness.RefreshFailing failing -> {
                    warning.put("failedRefreshes", failing.failures());
                    failing.feeds().forEach(warning.putArray("feeds")::add);
                    warning.put("lastAttempt", failing.lastAttempt().toString());
                    warning.put("lastError", failing.lastError());
                }
            }
        }
        return node;
    }
}
