package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.AttestationResult;
import java.io.PrintWriter;

/** The draft CISA attestation form as a self-contained HTML page. */
public final class AttestationHtml implements TextRenderer<AttestationResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(AttestationResult result, PrintWriter out) {
        out.print(DocumentHtml.render(result.document(), result.fingerprint()));
    }
}
