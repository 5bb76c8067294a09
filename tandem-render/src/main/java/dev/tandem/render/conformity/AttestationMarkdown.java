package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.AttestationResult;
import java.io.PrintWriter;

/** The draft CISA attestation form as Markdown. */
public final class AttestationMarkdown implements TextRenderer<AttestationResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(AttestationResult result, PrintWriter out) {
        out.print(DocumentMarkdown.render(result.document(), result.fingerprint()));
    }
}
