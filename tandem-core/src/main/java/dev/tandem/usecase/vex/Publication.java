package dev.tandem.usecase.vex;

import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.csaf.AdvisoryBuilder;
import dev.tandem.csaf.AdvisorySpec;
import dev.tandem.csaf.CsafDocument;
import dev.tandem.csaf.CsafProfile;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.Sbom;
import dev.tandem.triage.Statement;
import dev.tandem.triage.decisions.DecisionsReader;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the publishing use cases share: the scan with the decisions applied, the publisher, the tracking. */
final class Publication {

    /** Where a document without a known publisher namespace points: a reserved name (RFC 2606) no one owns. */
    static final String UNKNOWN_NAMESPACE = "https://publisher.invalid";

    private static final Set<String> CATEGORIES = Set.of("coordinator", "discoverer", "other", "translator", "user", "vendor");
    private static final Set<String> STATUSES = Set.of("draft", "interim", "final");
    private static final Set<String> TLP = Set.of("WHITE", "GREEN", "AMBER", "RED");

    private Publication() {
    }

    /** The scan of {@code request}, with the decisions (and any statements it carries) applied. */
    static ScanResult scan(ScanRequest request, List<InputDocument> decisions, List<String> warnings) throws InputException {
        List<Statement> statements = new ArrayList<>(request.statements());
        for (InputDocument document : decisions) {
            statements.addAll(DecisionsReader.read(document));
        }
        ScanResult result = new ScanUseCase().run(new ScanRequest(request.sboms(), request.advisories(), request.kev(),
                request.scannedAt(), statements));
        warnings.addAll(result.warnings());
        return result;
    }

    /** The publisher: explicit values, then the product profile, then the SBOMs. */
    static CsafDocument.Publisher publisher(Publisher given, ScanResult scan, List<String> warnings) throws InputException {
        String name = blankToNull(given.name());
        String namespace = blankToNull(given.namespace());
        String contact = blankToNull(given.contact());
        if (given.product() != null) {
            ProductProfile profile = ProductProfileReader.read(given.product());
            ProductProfile.Manufacturer manufacturer = profile.manufacturer();
            if (manufacturer != null) {
                name = name != null ? name : blankToNull(manufacturer.name());
                namespace = namespace != null ? namespace : blankToNull(manufacturer.website());
                contact = contact != null ? contact : blankToNull(manufacturer.email());
            }
        }
        if (name == null) {
            Set<String> manufacturers = new LinkedHashSet<>();
            for (Sbom sbom : scan.reports().stream().map(r -> r.sbom()).toList()) {
                if (!sbom.subject().manufacturer().isBlank()) {
                    manufacturers.add(sbom.subject().manufacturer().strip());
                }
            }
            if (manufacturers.size() == 1) {
                name = manufacturers.iterator().next();
            } else {
                name = "Unnamed publisher";
                warnings.add("the publisher's name is not known (the SBOMs name " + (manufacturers.isEmpty() ? "no manufacturer"
                        : "several manufacturers: " + String.join(", ", manufacturers)) + "); give it with the publisher options"
                        + " or a product profile");
            }
        }
        String category = given.category() == null || given.category().isBlank() ? "vendor"
                : given.category().strip().toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown publisher category '" + given.category() + "': expected one of "
                    + String.join(", ", new java.util.TreeSet<>(CATEGORIES)));
        }
        if (namespace != null && !isWebUrl(namespace)) {
            throw new IllegalArgumentException("the publisher namespace must be an https URL the publisher controls, not '"
                    + namespace + "'");
        }
        return new CsafDocument.Publisher(category, contact, null, name, namespace);
    }

    /**
     * The spec of a document: the status is draft when the publisher's namespace is unknown (a document
     * that names no real publisher must not be published as final).
     */
    static AdvisorySpec spec(CsafProfile profile, CsafDocument.Publisher publisher, Tracking tracking, ScanRequest scan,
            List<CsafDocument.Note> notes, boolean knownExploitedOnly, List<String> warnings) throws InputException {
        String status = tracking.status() == null || tracking.status().isBlank() ? null
                : tracking.status().strip().toLowerCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown document status '" + tracking.status() + "': expected draft, interim or final");
        }
        CsafDocument.Publisher effective = publisher;
        if (publisher.namespace() == null) {
            if (status != null && !status.equals("draft")) {
                throw new IllegalArgumentException("a " + status + " CSAF document needs the publisher's namespace (an https URL"
                        + " the publisher controls): give it, or a product profile with the manufacturer's website");
            }
            status = "draft";
            effective = new CsafDocument.Publisher(publisher.category(), publisher.contactDetails(), publisher.issuingAuthority(),
                    publisher.name(), UNKNOWN_NAMESPACE);
            warnings.add("the publisher's namespace is not known: the document is a draft naming " + UNKNOWN_NAMESPACE
                    + "; give the namespace (or a product profile with the manufacturer's website) to publish it");
        }
        String tlp = tracking.tlp() == null || tracking.tlp().isBlank() ? "WHITE" : tracking.tlp().strip().toUpperCase(Locale.ROOT);
        if (tlp.equals("CLEAR")) {
            tlp = "WHITE";
        }
        if (!TLP.contains(tlp)) {
            throw new IllegalArgumentException("unknown TLP label '" + tracking.tlp() + "': CSAF 2.0 takes WHITE, GREEN, AMBER or RED");
        }
        CsafDocument.Tracking previous = tracking.previous() == null ? null : previous(tracking.previous());
        if (previous != null) {
            // A revision dated before the last one would sort into the middle of the history (CSAF 6.1.16, 6.1.21).
            java.time.Instant last = previous.revisionHistory().stream().map(r -> revisionDate(r.date()))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
            if (scan.scannedAt().isBefore(last)) {
                throw new InputException(tracking.previous().source(), InputPosition.pointer("/document/tracking/revision_history"),
                        "the new revision's date " + scan.scannedAt() + " is before the previous document's last revision (" + last
                        + "); give a later --date");
            }
        }
        if (previous != null && tracking.id() != null && !tracking.id().isBlank() && !tracking.id().strip().equals(previous.id())) {
            warnings.add("the previous document has the tracking id " + previous.id() + ", not " + tracking.id().strip()
                    + "; its history is continued under the new id");
        }
        String id = tracking.id() != null && !tracking.id().isBlank() ? tracking.id().strip()
                : previous != null ? previous.id() : null;
        return new AdvisorySpec(profile, effective, id, status, tracking.title(), tlp, scan.scannedAt(), previous,
                tracking.summary(), notes, knownExploitedOnly);
    }

    /** The tracking of a previously published CSAF document: id, version, first release and revision history. */
    static CsafDocument.Tracking previous(InputDocument document) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        JsonNode tracking = tree.object(tree.object(tree.root(), "document", ""), "tracking", "/document");
        String pointer = "/document/tracking";
        String id = tree.text(tracking, "id", pointer);
        String version = tree.text(tracking, "version", pointer);
        String initial = tree.text(tracking, "initial_release_date", pointer);
        if (id.isEmpty() || version.isEmpty() || initial.isEmpty()) {
            throw tree.error(pointer, "the previous CSAF document needs tracking id, version and initial_release_date");
        }
        if (!version.matches("0|[1-9][0-9]*|(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)")) {
            throw tree.error(pointer + "/version", "the version '" + version + "' is neither integer nor semantic versioning");
        }
        List<CsafDocument.Revision> history = new ArrayList<>();
        List<JsonNode> revisions = tree.array(tracking, "revision_history", pointer);
        for (int i = 0; i < revisions.size(); i++) {
            String at = pointer + "/revision_history/" + i;
            JsonNode revision = tree.element(revisions.get(i), at);
            history.add(new CsafDocument.Revision(tree.text(revision, "date", at), tree.text(revision, "number", at),
                    tree.text(revision, "summary", at)));
        }
        if (history.isEmpty()) {
            throw new InputException(document.source(), InputPosition.pointer(pointer), "the previous CSAF document has no revision history");
        }
        for (int i = 0; i < history.size(); i++) {
            if (revisionDate(history.get(i).date()) == null) {
                throw tree.error(pointer + "/revision_history/" + i + "/date", "the revision date '" + history.get(i).date()
                        + "' is not an RFC 3339 date and time");
            }
        }
        return new CsafDocument.Tracking(tree.text(tracking, "current_release_date", pointer), null, id, initial, history,
                tree.text(tracking, "status", pointer), version);
    }

    /** How the document names its inputs in its summary. */
    static List<String> inputs(ScanResult scan, List<InputDocument> decisions) {
        List<String> inputs = new ArrayList<>();
        inputs.addAll(scan.advisories().sources());
        inputs.addAll(scan.advisories().kevSources());
        decisions.forEach(d -> inputs.add("decisions: " + d.source()));
        return inputs;
    }

    static AdvisoryBuilder.Built build(ScanResult scan, AdvisorySpec spec, List<String> inputs) {
        return AdvisoryBuilder.build(scan.reports(), scan.triage(), scan.toolVersion(), spec, inputs);
    }

    /** A revision date (RFC 3339 with an offset, as CSAF writes them) as an instant; null when it is none. */
    static java.time.Instant revisionDate(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
