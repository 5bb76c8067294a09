package dev.tandem.render.audit;

import dev.tandem.render.Formats;
import dev.tandem.usecase.audit.AuditVerifyResult;

/** The outputs of {@code tandem audit verify}: text for terminals (the default), json for scripts. */
public final class AuditFormats {

    private static final Formats<AuditVerifyResult> VERIFY = Formats.<AuditVerifyResult>builder()
            .add("text", new VerifyTextRenderer())
            .add("json", new VerifyJsonRenderer())
            .build();

    private AuditFormats() {
    }

    public static Formats<AuditVerifyResult> verify() {
        return VERIFY;
    }
}
