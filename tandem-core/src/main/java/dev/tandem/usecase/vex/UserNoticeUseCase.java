package dev.tandem.usecase.vex;

import dev.tandem.csaf.AdvisoryBuilder;
import dev.tandem.csaf.AdvisorySpec;
import dev.tandem.csaf.CsafDocument;
import dev.tandem.csaf.CsafFileNames;
import dev.tandem.csaf.CsafProfile;
import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.Notice;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRA Art. 14(8) user notice: what the users of the products must know and do about the actively
 * exploited vulnerabilities (listed in a known-exploited catalogue) that affect them, as a CSAF security
 * advisory. The legal text is the reporting catalog's notice {@value #NOTICE}, quoted with its source,
 * never retyped; vulnerabilities a decision says do not affect the product are left out.
 */
public final class UserNoticeUseCase {

    /** The catalog notice quoted. */
    public static final String NOTICE = "cra-user-notice-vulnerability";

    private final KnowledgeBase knowledge;

    public UserNoticeUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public UserNoticeResult run(UserNoticeRequest request) throws InputException {
        Notice notice = knowledge.reporting().notice(NOTICE).orElseThrow(() -> new IllegalStateException(
                "the catalog has no notice " + NOTICE + " (reporting/notices.yaml)"));
        List<String> warnings = new ArrayList<>();
        ScanResult scan = Publication.scan(request.scan(), request.decisions(), warnings);
        CsafDocument.Publisher publisher = Publication.publisher(request.publisher(), scan, warnings);
        List<CsafDocument.Note> notes = List.of(new CsafDocument.Note("general", notice.text() + " (Source: "
                + notice.source() + "; confidence " + notice.confidence().name() + "; Catalog: " + knowledge.fingerprint().label()
                + ".)", notice.title()), new CsafDocument.Note("general", "Each vulnerability below is listed as actively exploited"
                + " in a known-exploited catalogue and affects the products named; its remediations say what users must do.",
                "What users must do"));
        Tracking tracking = request.tracking();
        if (tracking.title() == null || tracking.title().isBlank()) {
            tracking = new Tracking(tracking.id(), tracking.status(), "Notice to users: actively exploited vulnerabilities",
                    tracking.tlp(), tracking.previous(), tracking.summary());
        }
        AdvisorySpec spec = Publication.spec(CsafProfile.CSAF_SECURITY_ADVISORY, publisher, tracking, request.scan(), notes,
                true, warnings);
        AdvisoryBuilder.Built built = AdvisoryBuilder.build(scan.reports(), scan.triage(), scan.toolVersion(), spec,
                Publication.inputs(scan, request.decisions()));
        warnings.addAll(built.warnings());
        CsafDocument document = withoutUnaffected(built.document());
        if (document.vulnerabilities().isEmpty()) {
            warnings.add("no actively exploited vulnerability affects these products: Art. 14(8) asks for no notice now");
        }
        AdvisoryResult advisory = new AdvisoryResult(document, CsafFileNames.of(document.document().tracking().id()), scan,
                warnings);
        return new UserNoticeResult(advisory, notice, knowledge.fingerprint());
    }

    /** Users need no notice of a vulnerability every product of which is stated not affected. */
    private static CsafDocument withoutUnaffected(CsafDocument document) {
        List<CsafDocument.Vulnerability> kept = document.vulnerabilities().stream().filter(v -> {
            CsafDocument.ProductStatus status = v.productStatus();
            return !(empty(status.knownAffected()) && empty(status.underInvestigation()) && empty(status.fixed()));
        }).toList();
        return kept.size() == document.vulnerabilities().size() ? document
                : new CsafDocument(document.document(), document.productTree(), kept);
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
