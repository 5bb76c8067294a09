package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.DeclarationResult;
import java.io.PrintWriter;

/** The draft declaration and its checklists as Markdown. */
public final class DeclarationMarkdown implements TextRenderer<DeclarationResult> {

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public void render(DeclarationResult result, PrintWriter out) {
        out.print(DocumentMarkdown.render(result.document(), result.fingerprint()));
    }
}
