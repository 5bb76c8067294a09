package dev.tandem.server.portfolio;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Sboms;
import dev.tandem.server.store.TriageDecisions;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Products and releases of the caller's organisation, and what their latest scans found. */
public final class Portfolio {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[^/\\p{Cntrl}]{1,100}");

    private final Database database;
    private final Clock clock;
    private final FindingsCache cache;

    public Portfolio(Database database, Clock clock) {
        this(database, clock, new FindingsCache(FindingsCache.DEFAULT_BYTES));
    }

    public Portfolio(Database database, Clock clock, FindingsCache cache) {
        this.database = database;
        this.clock = clock;
        this.cache = cache;
    }

    /** This instance's findings held in memory. */
    public FindingsCache cache() {
        return cache;
    }

    /** A product with its releases (newest first) and the open findings of its latest release. */
    public record ProductView(Products.Product product, List<ReleaseView> releases, Map<String, Long> openBySeverity,
            long openKnownExploited) {
        public long open() {
            return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
        }

        public Optional<ReleaseView> latest() {
            return releases.stream().findFirst();
        }
    }

    /** A release with its SBOMs and its latest scan's counts (absent before the first scan). */
    public record ReleaseView(Products.Release release, List<Sboms.StoredSbom> sboms,
            Optional<Findings.ScanSummary> scan) {
    }

    public Products.Product create(Caller caller, String slug, String name, String description) {
        Accounts.require(caller, Role.EDITOR);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid("a product needs a name of 1 to 200 characters");
        }
        String id = slug == null || slug.isBlank() ? slugOf(name) : slug;
        if (!SLUG.matcher(id).matches()) {
            throw Refusal.invalid("a product id is 1 to 64 lower-case letters, digits and . _ -, starting with a letter or digit");
        }
        String text = description == null ? "" : description;
        if (text.length() > 10_000) {
            throw Refusal.invalid("a product description has at most 10,000 characters");
        }
        Instant now = clock.instant();
        return database.transaction(h -> {
            Products products = new Products(h);
            if (products.find(caller.tenant(), id).isPresent()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "a product with the id '" + id + "' exists already");
            }
            Products.Product product = products.create(caller.tenant(), id, name.strip(), text, caller.actor(), now);
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "product.create", "product:" + id,
                    Map.of("id", id, "name", product.name()));
            return product;
        });
    }

    public List<ProductView> list(Caller caller) {
        return database.read(h -> {
            Products products = new Products(h);
            Map<Long, Map<String, Long>> open = new LinkedHashMap<>();
            Map<Long, Long> kev = new LinkedHashMap<>();
            for (Object[] row : new Findings(h).openBySeverity(caller.tenant())) {
                open.computeIfAbsent((Long) row[0], id -> new LinkedHashMap<>()).put((String) row[1], (Long) row[2]);
                kev.merge((Long) row[0], (Long) row[3], Long::sum);
            }
            List<ProductView> views = new ArrayList<>();
            for (Products.Product product : products.list(caller.tenant())) {
                views.add(new ProductView(product, releases(h, product), severities(open.get(product.id())),
                        kev.getOrDefault(product.id(), 0L)));
            }
            return views;
        });
    }

    public ProductView product(Caller caller, String slug) {
        return list(caller).stream().filter(p -> p.product().slug().equals(slug)).findFirst()
                .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
    }

    /**
     * A page of a release's findings; without a version, the latest release's. {@code json} holds each item's
     * API bytes when they were ready (from the cache), else null and the API writes them; {@code version} is then
     * the product's findings version the held items are (see {@link FindingsCache}), else -1.
     */
    public record FindingPage(Products.Product product, Products.Release release, long total, int offset, int limit,
            List<Findings.Stored> items, Map<String, TriageDecisions.Decision> decisions, List<byte[]> json,
            long version) {
        public FindingPage(Products.Product product, Products.Release release, long total, int offset, int limit,
                List<Findings.Stored> items, Map<String, TriageDecisions.Decision> decisions) {
            this(product, release, total, offset, limit, items, decisions, null, -1);
        }
    }

    /**
     * One indexed read per request when the release is held in memory and current (see {@link FindingsCache});
     * otherwise the release is read once, in one repeatable-read transaction, and held. A release larger than
     * {@link FindingsCache#MAX_FINDINGS} is read page by page.
     */
    public FindingPage findings(Caller caller, String slug, String version, Findings.Filter filter) {
        boolean latest = version == null || version.isBlank();
        Findings.Stamp stamp = database.readConnection(c -> Findings.stamp(c, caller.tenant(), slug, latest ? null : version))
                .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
        Products.Release release = stamp.release().orElseThrow(() -> latest
                ? Refusal.notFound("a release of product '" + slug + "'")
                : Refusal.notFound("release '" + version + "' of product '" + slug + "'"));
        Products.Product product = stamp.product();
        if (stamp.scannedFindings() > FindingsCache.MAX_FINDINGS) {
            return database.read(h -> pageFromDatabase(h, caller, product, release, filter));
        }
        return cache.get(release.id(), stamp.findingsVersion(), () -> database.snapshotRead(h -> {
            // The version read in the same snapshot as the findings and decisions: the entry is exactly that version.
            Findings findings = new Findings(h);
            long current = findings.version(product);
            Map<String, TriageDecisions.Decision> decisions = new LinkedHashMap<>();
            new TriageDecisions(h).forRelease(caller.tenant(), product.id(), release.id())
                    .forEach(d -> decisions.put(d.findingId(), d));
            return FindingsCache.entry(current, product, release, findings.all(product, release), decisions);
        })).page(filter);
    }

    /** The same page read from the database page by page, as for a release too large to hold (the cache's reference). */
    public FindingPage findingsFromDatabase(Caller caller, String slug, String version, Findings.Filter filter) {
        boolean latest = version == null || version.isBlank();
        Findings.Stamp stamp = database.readConnection(c -> Findings.stamp(c, caller.tenant(), slug, latest ? null : version))
                .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
        Products.Release release = stamp.release().orElseThrow(() -> Refusal.notFound("release of '" + slug + "'"));
        return database.read(h -> pageFromDatabase(h, caller, stamp.product(), release, filter));
    }

    private static FindingPage pageFromDatabase(org.jdbi.v3.core.Handle h, Caller caller, Products.Product product,
            Products.Release release, Findings.Filter filter) {
        Findings findings = new Findings(h);
        List<Findings.Stored> items = findings.list(product, release, filter);
        // Only the page's decisions: a product with thousands of decisions costs no more per page.
        Map<String, TriageDecisions.Decision> decisions = new LinkedHashMap<>();
        new TriageDecisions(h).forFindings(caller.tenant(), product.id(),
                items.stream().map(Findings.Stored::findingId).toList()).forEach(d -> decisions.put(d.findingId(), d));
        return new FindingPage(product, release, total(findings, caller, release, filter, items), filter.offset(),
                filter.limit(), items, decisions);
    }

    /**
     * How many findings the filter selects: from the page itself when it is the last one, from the scan's
     * stored counts when only suppression filters, else counted (counting a release's rows costs a
     * PostgreSQL index scan of all of them on every page).
     */
    private static long total(Findings findings, Caller caller, Products.Release release, Findings.Filter filter,
            List<Findings.Stored> items) {
        if (items.size() < filter.limit() && (filter.offset() == 0 || !items.isEmpty())) {
            return filter.offset() + items.size();
        }
        if (filter.severity() == null && filter.knownExploited() == null) {
            Optional<Findings.ScanSummary> scan = findings.summary(caller.tenant(), release.id());
            if (scan.isPresent()) {
                return filter.includeSuppressed() ? scan.get().findings() : scan.get().findings() - scan.get().suppressed();
            }
        }
        return findings.count(caller.tenant(), release.id(), filter);
    }


    /** An SBOM of a release exactly as uploaded, with what is known about it. */
    public record SbomDocument(Sboms.StoredSbom sbom, byte[] content) {
    }

    public SbomDocument sbom(Caller caller, String slug, String version, String sha256) {
        return database.read(h -> {
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            Products.Release release = products.release(product, version)
                    .orElseThrow(() -> Refusal.notFound("release '" + version + "' of product '" + slug + "'"));
            Sboms sboms = new Sboms(h);
            Sboms.StoredSbom sbom = sboms.forRelease(caller.tenant(), release.id()).stream()
                    .filter(s -> s.sha256().equals(sha256)).findFirst()
                    .orElseThrow(() -> Refusal.notFound("SBOM " + sha256));
            return new SbomDocument(sbom, sboms.document(caller.tenant(), sha256)
                    .orElseThrow(() -> Refusal.notFound("SBOM " + sha256)));
        });
    }

    static List<ReleaseView> releases(org.jdbi.v3.core.Handle h, Products.Product product) {
        Sboms sboms = new Sboms(h);
        Findings findings = new Findings(h);
        return new Products(h).releases(product).stream().map(r -> new ReleaseView(r,
                sboms.forRelease(product.tenant(), r.id()), findings.summary(product.tenant(), r.id()))).toList();
    }

    private static Map<String, Long> severities(Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String severity : List.of("critical", "high", "medium", "low", "none", "unknown")) {
            all.put(severity, counts == null ? 0L : counts.getOrDefault(severity, 0L));
        }
        return all;
    }

    /** {@code SC-200 Smart Camera} → {@code sc-200-smart-camera}. */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-._]+|[-._]+$", "");
        slug = slug.length() > 64 ? slug.substring(0, 64) : slug;
        return slug.isEmpty() ? "product" : slug;
    }

    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.isBlank()) {
            throw Refusal.invalid("a release version is 1 to 100 characters without '/' or control characters");
        }
        return version;
    }
}
