package dev.tandem.server.portfolio;

import dev.tandem.csaf.CsafProfile;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Documents;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.vex.AdvisoryRequest;
import dev.tandem.usecase.vex.AdvisoryResult;
import dev.tandem.usecase.vex.AdvisoryUseCase;
import dev.tandem.usecase.vex.Publisher;
import dev.tandem.usecase.vex.Tracking;
import dev.tandem.usecase.vex.UserNoticeRequest;
import dev.tandem.usecase.vex.UserNoticeResult;
import dev.tandem.usecase.vex.UserNoticeUseCase;
import dev.tandem.usecase.vex.VexRequest;
import dev.tandem.usecase.vex.VexResult;
import dev.tandem.usecase.vex.VexUseCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A release's advisories and VEX, published from what the server keeps, by the use cases and renderers
 * of {@code tandem advisory}, {@code tandem vex} and {@code tandem user-notice}: the release's SBOMs over
 * the current advisory snapshot, with the product's stored triage decisions and the statements of its
 * VEX documents (exactly the scan the stored findings come from). The publisher is the manufacturer of
 * the product profile when one is kept, else the SBOMs' manufacturer; without a known namespace the use
 * case makes the CSAF document a draft and says so.
 */
public final class ReleasePublications {

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();
    private volatile KnowledgeBase knowledge;

    public ReleasePublications(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /** A published document: its bytes, media type, file name, and the use case's warnings. */
    public record Published(byte[] bytes, String mediaType, String fileName, List<String> warnings) {
    }

    /** The document's status and TLP label, each null for the use case's default. */
    public record Options(String status, String tlp) {
        public static final Options DEFAULT = new Options(null, null);

        Tracking tracking() {
            return new Tracking(null, status, null, tlp, null, null);
        }
    }

    /** A CSAF 2.0 document in the profile {@code csaf_vex} (the default) or {@code csaf_security_advisory}. */
    public Published advisory(Caller caller, String slug, String version, String profile, Options options) {
        CsafProfile chosen = profile(profile);
        Inputs inputs = inputs(caller, slug, version);
        AdvisoryResult result = run(() -> new AdvisoryUseCase().run(new AdvisoryRequest(inputs.scan(), List.of(), chosen,
                inputs.publisher(), options.tracking())));
        return render(VexFormats.advisory(), "csaf", result, result.fileName(), result.warnings());
    }

    /** CycloneDX VEX 1.6 ({@code cyclonedx}, the default) or OpenVEX 0.2.0 ({@code openvex}). */
    public Published vex(Caller caller, String slug, String version, String format) {
        String name = format(format, VexFormats.vex());
        Inputs inputs = inputs(caller, slug, version);
        VexResult result = run(() -> new VexUseCase().run(new VexRequest(inputs.scan(), List.of(), inputs.publisher())));
        String fileName = fileBase(slug, version) + (name.equals("openvex") ? ".openvex.json" : ".vex.cdx.json");
        return render(VexFormats.vex(), name, result, fileName, result.warnings());
    }

    /** The CRA Art. 14(8) user notice: its CSAF document ({@code csaf}, the default) or its page ({@code html}). */
    public Published userNotice(Caller caller, String slug, String version, String format, Options options) {
        String name = format(format, VexFormats.notice());
        Inputs inputs = inputs(caller, slug, version);
        UserNoticeResult result = run(() -> new UserNoticeUseCase(knowledge()).run(new UserNoticeRequest(inputs.scan(),
                List.of(), inputs.publisher(), options.tracking())));
        String fileName = name.equals("html") ? result.advisory().fileName().replaceAll("\\.json$", "") + ".html"
                : result.advisory().fileName();
        return render(VexFormats.notice(), name, result, fileName, result.advisory().warnings());
    }

    /** The scan request of the release and the publisher, read in one transaction under the snapshot's lock. */
    private record Inputs(ScanRequest scan, Publisher publisher) {
    }

    private Inputs inputs(Caller caller, String slug, String version) {
        Instant now = clock.instant();
        return database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            Products.Release release = products.release(product, version)
                    .orElseThrow(() -> Refusal.notFound("release '" + version + "' of product '" + slug + "'"));
            ScanRequest scan;
            try {
                scan = scanner.request(h, caller.tenant(), product, release, loaded, null, now);
            } catch (InputException e) {
                throw new IllegalStateException("a stored SBOM no longer parses: " + e.getMessage(), e);
            }
            Optional<byte[]> profile = new Documents(h).content(caller.tenant(), DocumentShelf.PRODUCT_PROFILE, slug);
            Publisher publisher = profile.map(bytes -> new Publisher(null, null, null, null,
                    new InputDocument("product profile of " + slug, bytes))).orElse(Publisher.FROM_SBOMS);
            return new Inputs(scan, publisher);
        });
    }

    /** A use case's run: bad request values (status, TLP) are the caller's; bad kept input is the server's problem. */
    private interface Run<R> {
        R run() throws InputException;
    }

    private static <R> R run(Run<R> run) {
        try {
            return run.run();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        } catch (InputException e) {
            // The product profile was checked when it was kept; anything else here was read when it came.
            throw SbomIntake.refusal(e);
        }
    }

    private static <R> Published render(Formats<R> formats, String name, R result, String fileName, List<String> warnings) {
        Renderer<R> renderer = formats.find(name).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Published(out.toByteArray(), renderer.mediaType(), fileName, warnings);
    }

    private static CsafProfile profile(String text) {
        if (text == null || text.isBlank()) {
            return CsafProfile.CSAF_VEX;
        }
        try {
            return CsafProfile.of(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("unknown profile '" + text + "': choose csaf_vex or csaf_security_advisory");
        }
    }

    private static String format(String text, Formats<?> formats) {
        String name = text == null || text.isBlank() ? formats.names().get(0) : text.strip().toLowerCase(Locale.ROOT);
        if (formats.find(name).isEmpty()) {
            throw Refusal.invalid("unknown format '" + text + "': choose " + String.join(", ", formats.names()));
        }
        return name;
    }

    private static String fileBase(String slug, String version) {
        return slug + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private KnowledgeBase knowledge() {
        KnowledgeBase kb = knowledge;
        if (kb == null) {
            kb = KnowledgeBase.bundled();
            knowledge = kb;
        }
        return kb;
    }
}
