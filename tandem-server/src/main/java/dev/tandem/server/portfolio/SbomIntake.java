package dev.tandem.server.portfolio;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Sboms;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.usecase.scan.ScanResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An SBOM uploaded to a release: parsed and scanned with the release's other SBOMs, stored as
 * uploaded (content-addressed) with its components, the release's findings replaced, all in one
 * transaction. A malformed SBOM changes nothing and is refused with the reader's message.
 */
public final class SbomIntake {

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();

    public SbomIntake(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /** The outcome: whether the SBOM was new to the release, and the release's findings now. */
    public record Upload(boolean created, Products.Product product, Products.Release release, Sboms.StoredSbom sbom,
            Findings.ScanSummary summary) {
    }

    public Upload upload(Caller caller, String slug, String version, byte[] content, String name, String mediaType) {
        Accounts.require(caller, Role.EDITOR);
        Portfolio.checkVersion(version);
        UploadedDocument upload = UploadedDocument.received(caller, content, name, sha -> slug + "-" + version + ".sbom",
                "SBOM");
        String sha256 = upload.sha256();
        String source = upload.name();
        Instant now = clock.instant();
        return database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            Products.Release release = products.lockRelease(product, version, now);
            Sboms sboms = new Sboms(h);
            Optional<Sboms.StoredSbom> existing = sboms.forRelease(caller.tenant(), release.id()).stream()
                    .filter(s -> s.sha256().equals(sha256)).findFirst();
            if (existing.isPresent()) {
                return new Upload(false, product, release, existing.get(),
                        new Findings(h).summary(caller.tenant(), release.id()).orElseThrow());
            }
            ReleaseScanner.Outcome outcome;
            try {
                outcome = scanner.scan(h, caller.tenant(), product, release, loaded, new InputDocument(source, content),
                        now, dev.tandem.server.monitor.Cause.of("sbom.upload", caller.actor()));
            } catch (InputException e) {
                throw refusal(e);
            }
            ScanResult.ScannedSbom scanned = outcome.result().sboms().get(outcome.result().sboms().size() - 1);
            sboms.storeDocument(caller.tenant(), sha256, content);
            long sbomId = sboms.attach(caller.tenant(), release.id(), sha256, source, scanned.sbom().format().label(),
                    scanned.sbom().specVersion(), mediaType(mediaType, scanned.sbom().format()),
                    scanned.sbom().components().size(),
                    caller.actor(), now).orElseThrow();
            sboms.insertComponents(caller.tenant(), sbomId, scanned.sbom().components());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", slug);
            details.put("release", version);
            details.put("sha256", sha256);
            details.put("source", source);
            details.put("components", scanned.sbom().components().size());
            details.put("findings", outcome.summary().findings());
            details.put("knownExploited", outcome.summary().knownExploited());
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "sbom.upload",
                    "release:" + slug + "@" + version, details);
            Sboms.StoredSbom stored = sboms.forRelease(caller.tenant(), release.id()).stream()
                    .filter(s -> s.id() == sbomId).findFirst().orElseThrow();
            return new Upload(true, product, release, stored, outcome.summary());
        });
    }

    /** The reader's message, with its source and position as problem members. */
    static Refusal refusal(InputException e) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("source", e.source());
        if (e.position().line() > 0) {
            extensions.put("line", e.position().line());
            extensions.put("column", e.position().column());
        }
        if (e.position().pointer() != null) {
            extensions.put("pointer", e.position().pointer());
        }
        return new Refusal(Refusal.Kind.INVALID, e.getMessage(), extensions);
    }

    /**
     * The declared content type, or the format's registered media type when the request declared none or
     * only a generic one (curl's default form type, octet-stream, text/plain, a multipart envelope): the
     * download then says what the document is.
     */
    static String mediaType(String declared, SbomFormat format) {
        String base = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean generic = base.isEmpty() || base.equals("application/x-www-form-urlencoded")
                || base.equals("application/octet-stream") || base.equals("text/plain") || base.startsWith("multipart/");
        if (!generic) {
            return declared.strip();
        }
        return switch (format) {
            case CYCLONEDX_JSON -> "application/vnd.cyclonedx+json";
            case CYCLONEDX_XML -> "application/vnd.cyclonedx+xml";
            case SPDX_JSON -> "application/spdx+json";
            case SPDX_TAG_VALUE -> "text/spdx";
            // Lockfiles are not uploaded as SBOMs; should one ever be, it is stored as the bytes it is.
            default -> "application/octet-stream";
        };
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
