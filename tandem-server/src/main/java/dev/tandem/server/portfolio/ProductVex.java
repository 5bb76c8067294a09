package dev.tandem.server.portfolio;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.store.VexDocuments;
import dev.tandem.triage.Statement;
import dev.tandem.vex.VexDocument;
import dev.tandem.vex.VexFormat;
import dev.tandem.vex.VexReaders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * VEX documents kept per product (CSAF VEX, CycloneDX VEX, OpenVEX, told from the content as
 * {@code scan --vex} tells them): stored as uploaded, content-addressed within the product; their
 * statements apply to the findings of every release of the product, the same way {@code scan --vex}
 * applies them. Uploading or deleting one re-scans every release of the product in the same
 * transaction, with the audit entry. What each document matched is read from the stored findings, so
 * it is always what the lists show, and a statement that matches nothing in any release is reported.
 */
public final class ProductVex {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,200}");

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();

    public ProductVex(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /** In one release: the findings the document's statements apply to, and how many of them they suppress. */
    public record ReleaseMatch(String release, int findings, int suppressed) {
    }

    /** A statement of the document that applies to no finding of any release of the product. */
    public record Unmatched(String vulnerability, String component, String state, String source) {
    }

    /**
     * A kept document and what it does now: the releases where its statements apply, the statements that
     * match nothing, and the warnings of its reader (a product named without package URL or CPE, a version
     * range that is not evaluated).
     */
    public record DocumentView(VexDocuments.StoredVex document, List<ReleaseMatch> releases, List<Unmatched> unmatched,
            List<String> warnings) {
    }

    /** The outcome of an upload: whether the document was new to the product, and what it matched. */
    public record Upload(boolean created, Products.Product product, DocumentView view, int releasesRescanned) {
    }

    /** A document as uploaded. */
    public record Content(VexDocuments.StoredVex document, byte[] bytes) {
    }

    public Upload upload(Caller caller, String slug, byte[] content, String name, String mediaType) {
        UploadedDocument upload = UploadedDocument.received(caller, content, name == null ? null : name.strip(),
                sha -> slug + "-" + sha.substring(0, 12) + ".vex.json", "VEX");
        String sha256 = upload.sha256();
        String given = upload.name();
        if (!NAME.matcher(given).matches()) {
            throw Refusal.invalid("a VEX document name is 1 to 200 characters without '/', '\\' or control characters");
        }
        VexDocument read;
        try {
            read = VexReaders.read(new InputDocument(given, content));
        } catch (InputException e) {
            throw SbomIntake.refusal(e);
        }
        Instant now = clock.instant();
        return database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            List<Products.Release> releases = lockReleases(products, product, now);
            VexDocuments documents = new VexDocuments(h);
            var existing = documents.find(caller.tenant(), product.id(), sha256);
            if (existing.isPresent()) {
                return new Upload(false, product, view(h, caller.tenant(), product, existing.get()), 0);
            }
            documents.store(caller.tenant(), product.id(), sha256, given, format(read.format()),
                    mediaType(mediaType, read.format(), isXml(content)), read.statements().size(), content, caller.actor(), now);
            rescan(h, caller, product, releases, loaded, now, "vex.upload");
            VexDocuments.StoredVex stored = documents.find(caller.tenant(), product.id(), sha256).orElseThrow();
            DocumentView view = view(h, caller.tenant(), product, stored);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", slug);
            details.put("sha256", sha256);
            details.put("name", given);
            details.put("format", stored.format());
            details.put("statements", stored.statements());
            details.put("findings", view.releases().stream().mapToInt(ReleaseMatch::findings).sum());
            details.put("suppressed", view.releases().stream().mapToInt(ReleaseMatch::suppressed).sum());
            details.put("unmatched", view.unmatched().size());
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "vex.upload", "vex:" + slug + "/" + sha256,
                    details);
            return new Upload(true, product, view, releases.size());
        });
    }

    /** The product's documents, in upload order, with what each matches now. */
    public List<DocumentView> list(Caller caller, String slug) {
        return database.read(h -> {
            Products.Product product = new Products(h).find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            List<DocumentView> views = new ArrayList<>();
            for (VexDocuments.StoredVex document : new VexDocuments(h).forProduct(caller.tenant(), product.id())) {
                views.add(view(h, caller.tenant(), product, document));
            }
            return views;
        });
    }

    /** One document exactly as uploaded. */
    public Content content(Caller caller, String slug, String sha256) {
        return database.read(h -> {
            Products.Product product = new Products(h).find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            if (!checked(sha256)) {
                throw notFound(slug, sha256);
            }
            VexDocuments documents = new VexDocuments(h);
            VexDocuments.StoredVex document = documents.find(caller.tenant(), product.id(), sha256)
                    .orElseThrow(() -> notFound(slug, sha256));
            return new Content(document, documents.content(caller.tenant(), product.id(), sha256).orElseThrow());
        });
    }

    /** Removes a document: its statements stop applying; every release of the product is re-scanned. */
    public void delete(Caller caller, String slug, String sha256) {
        Accounts.require(caller, Role.EDITOR);
        if (!checked(sha256)) {
            throw notFound(slug, sha256);
        }
        Instant now = clock.instant();
        database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            List<Products.Release> releases = lockReleases(products, product, now);
            VexDocuments documents = new VexDocuments(h);
            VexDocuments.StoredVex document = documents.find(caller.tenant(), product.id(), sha256)
                    .orElseThrow(() -> notFound(slug, sha256));
            documents.delete(caller.tenant(), product.id(), sha256);
            rescan(h, caller, product, releases, loaded, now, "vex.delete");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", slug);
            details.put("sha256", sha256);
            details.put("name", document.name());
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "vex.delete", "vex:" + slug + "/" + sha256,
                    details);
            return null;
        });
    }

    private static List<Products.Release> lockReleases(Products products, Products.Product product, Instant now) {
        List<Products.Release> locked = new ArrayList<>();
        for (Products.Release release : products.releases(product)) {
            locked.add(products.lockRelease(product, release.version(), now));
        }
        return locked;
    }

    private void rescan(Handle h, Caller caller, Products.Product product, List<Products.Release> releases,
            CurrentAdvisories.Loaded loaded, Instant now, String kind) {
        for (Products.Release release : releases) {
            try {
                scanner.scan(h, caller.tenant(), product, release, loaded, null, now, Cause.of(kind, caller.actor()));
            } catch (InputException e) {
                throw new IllegalStateException("a stored SBOM no longer parses: " + e.getMessage(), e);
            }
        }
    }

    /** What a document's statements apply to in the stored findings, and which of them apply to nothing. */
    private static DocumentView view(Handle h, Tenant tenant, Products.Product product, VexDocuments.StoredVex document) {
        String label = document.label();
        VexDocument read;
        try {
            read = VexReaders.read(new InputDocument(label, new VexDocuments(h).content(tenant, product.id(),
                    document.sha256()).orElseThrow()));
        } catch (InputException e) {
            throw new IllegalStateException("a stored VEX document no longer parses: " + e.getMessage(), e);
        }
        Map<String, Set<String>> findings = new LinkedHashMap<>();
        Map<String, Set<String>> suppressed = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (VexDocuments.Applied applied : new VexDocuments(h).applied(tenant, product.id())) {
            if (!from(applied.source(), label)) {
                continue;
            }
            used.add(key(applied.source(), applied.vulnerability(), applied.component()));
            findings.computeIfAbsent(applied.release(), r -> new HashSet<>()).add(applied.findingId());
            suppressed.computeIfAbsent(applied.release(), r -> new HashSet<>());
            if (applied.suppresses() && applied.findingSuppressed()) {
                suppressed.get(applied.release()).add(applied.findingId());
            }
        }
        List<ReleaseMatch> releases = new ArrayList<>();
        findings.forEach((release, ids) -> releases.add(new ReleaseMatch(release, ids.size(), suppressed.get(release).size())));
        List<Unmatched> unmatched = new ArrayList<>();
        for (Statement statement : read.statements()) {
            if (!used.contains(key(statement.source(), statement.vulnerability(), statement.component().text()))) {
                unmatched.add(new Unmatched(statement.vulnerability(), statement.component().text(),
                        statement.state() == null ? "" : statement.state().label(), statement.source()));
            }
        }
        return new DocumentView(document, releases, unmatched, read.warnings());
    }

    /** True when a statement's source is the document labelled {@code label} (a line of it, or its DSSE payload). */
    private static boolean from(String source, String label) {
        return source != null && (source.equals(label) || source.startsWith(label + ":") || source.startsWith(label + "!"));
    }

    private static String key(String source, String vulnerability, String component) {
        return source + "\n" + vulnerability + "\n" + component;
    }

    private static boolean checked(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    private static Refusal notFound(String slug, String sha256) {
        String shown = sha256 == null ? "" : sha256.length() > 64 ? sha256.substring(0, 64) + "…" : sha256;
        return Refusal.notFound("VEX document " + shown + " of product '" + slug + "'");
    }

    /** True when the document is XML (its first character past a byte order mark and blanks is '<'). */
    static boolean isXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    /** The format as the API names it: {@code csaf}, {@code cyclonedx} or {@code openvex}. */
    static String format(VexFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The declared content type, or the format's registered type when none or a generic one was declared. */
    static String mediaType(String declared, VexFormat format, boolean xml) {
        String base = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean generic = base.isEmpty() || base.equals("application/x-www-form-urlencoded")
                || base.equals("application/octet-stream") || base.equals("text/plain") || base.startsWith("multipart/");
        if (!generic) {
            return declared.strip();
        }
        return switch (format) {
            case CYCLONEDX -> xml ? "application/vnd.cyclonedx+xml" : "application/vnd.cyclonedx+json";
            // CSAF and OpenVEX register no media type of their own: they are JSON.
            case CSAF, OPENVEX -> "application/json";
        };
    }
}
