package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.ProfileDocument;
import java.io.PrintWriter;

/**
 * A document drafted from a product profile (the declaration and its checklists, the attestation form) as
 * Markdown: its title, where it comes from, its sections, the catalog last.
 *
 * @param <R> the drafted document's result
 */
public final class ProfileDocumentMarkdown<R extends ProfileDocument> implements TextRenderer<R> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(R result, PrintWriter out) {
        out.print(DocumentMarkdown.render(result.document(), ProvenanceMarkdown.render(result.provenance()), result.fingerprint()));
    }
}
