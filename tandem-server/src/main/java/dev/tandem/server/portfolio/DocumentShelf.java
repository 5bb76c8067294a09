package dev.tandem.server.portfolio;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Documents;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Incident records and product profiles kept as uploaded (the formats of {@code tandem obligations}
 * and {@code tandem assess}), so the portfolio holds the evidence the other commands read.
 */
public final class DocumentShelf {

    /** The kinds of document kept. */
    public static final String INCIDENT = "incident";
    public static final String PRODUCT_PROFILE = "product-profile";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Database database;
    private final Clock clock;

    public DocumentShelf(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Work done in the transaction that keeps a document (an event it causes), with what was kept and when. */
    @FunctionalInterface
    public interface InSameTransaction {
        void run(Handle h, Documents.Kept kept, Instant at);
    }

    /** Stores or replaces a document; a product profile names its product. */
    public void put(Caller caller, String kind, String name, String productSlug, byte[] content, String mediaType) {
        put(caller, kind, name, productSlug, content, mediaType, (h, kept, at) -> { });
    }

    /** {@link #put}, and {@code then} in the same transaction: both are kept, or neither. */
    public void put(Caller caller, String kind, String name, String productSlug, byte[] content, String mediaType,
            InSameTransaction then) {
        Accounts.require(caller, Role.EDITOR);
        if (name == null || !NAME.matcher(name).matches()) {
            throw Refusal.invalid("a document name is 1 to 128 letters, digits and . _ -");
        }
        if (content.length == 0) {
            throw Refusal.invalid("the document is empty");
        }
        Instant now = clock.instant();
        database.transaction(h -> {
            Long productId = null;
            if (productSlug != null) {
                productId = new Products(h).find(caller.tenant(), productSlug)
                        .orElseThrow(() -> Refusal.notFound("product '" + productSlug + "'")).id();
            }
            String sha = SbomIntake.sha256(content);
            Documents.Kept kept = new Documents(h).put(caller.tenant(), kind, name, productId,
                    mediaType == null ? "" : mediaType, sha, content, caller.actor(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind);
            details.put("name", name);
            details.put("sha256", sha);
            details.put("product", productSlug == null ? "" : productSlug);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "document.put", kind + ":" + name, details);
            then.run(h, kept, now);
            return null;
        });
    }

    public List<Documents.StoredDocument> list(Caller caller, String kind) {
        return database.read(h -> new Documents(h).list(caller.tenant(), kind));
    }

    public byte[] content(Caller caller, String kind, String name) {
        return database.read(h -> new Documents(h).content(caller.tenant(), kind, name))
                .orElseThrow(() -> Refusal.notFound(kind + " '" + name + "'"));
    }
}
