package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.DeclarationResult;
import java.io.PrintWriter;

/** The draft declaration and its checklists as a self-contained HTML page. */
public final class DeclarationHtml implements TextRenderer<DeclarationResult> {

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(DeclarationResult result, PrintWriter out) {
        out.print(DocumentHtml.render(result.document(), result.fingerprint()));
    }
}
