package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.AssessResult;
import java.io.PrintWriter;

/** An assessment as a self-contained HTML page: summary, gaps and one table per regime. */
public final class AssessmentHtml implements TextRenderer<AssessResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(AssessResult result, PrintWriter out) {
        out.print(DocumentHtml.render(AssessmentDocument.of(result.assessment()), result.fingerprint()));
    }
}
