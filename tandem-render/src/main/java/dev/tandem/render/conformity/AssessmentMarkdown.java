package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.AssessResult;
import java.io.PrintWriter;

/** An assessment as Markdown: where it comes from (as the HTML and PDF show it), summary, gaps and one table per regime. */
public final class AssessmentMarkdown implements TextRenderer<AssessResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(AssessResult result, PrintWriter out) {
        out.print(DocumentMarkdown.render(AssessmentDocument.of(result.assessment()),
                ProvenanceMarkdown.render(result.provenance()), result.fingerprint()));
    }
}
