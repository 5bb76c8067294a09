package dev.tandem.usecase.vex;

import dev.tandem.csaf.AdvisoryBuilder;
import dev.tandem.csaf.AdvisorySpec;
import dev.tandem.csaf.CsafDocument;
import dev.tandem.csaf.CsafFileNames;
import dev.tandem.input.InputException;
import dev.tandem.usecase.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSAF 2.0 document (csaf_vex or csaf_security_advisory) from a scan's findings and the triage
 * decisions about them. A bad request value (an unknown status, a final document without a publisher
 * namespace) is an {@link IllegalArgumentException} with a message for the user.
 */
public final class AdvisoryUseCase {

    public AdvisoryResult run(AdvisoryRequest request) throws InputException {
        List<String> warnings = new ArrayList<>();
        ScanResult scan = Publication.scan(request.scan(), request.decisions(), warnings);
        CsafDocument.Publisher publisher = Publication.publisher(request.publisher(), scan, warnings);
        AdvisorySpec spec = Publication.spec(request.profile(), publisher, request.tracking(), request.scan(), List.of(),
                false, warnings);
        AdvisoryBuilder.Built built = Publication.build(scan, spec, Publication.inputs(scan, request.decisions()));
        warnings.addAll(built.warnings());
        CsafDocument document = built.document();
        return new AdvisoryResult(document, CsafFileNames.of(document.document().tracking().id()), scan, warnings);
    }
}
