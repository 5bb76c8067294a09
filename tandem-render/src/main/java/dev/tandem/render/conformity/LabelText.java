package dev.tandem.render.conformity;

import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.LabelResult;
import java.io.PrintWriter;

/** The label's text lines and the registry URL, for the designer, then the catalog line. */
public final class LabelText implements TextRenderer<LabelResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(LabelResult result, PrintWriter out) {
        if (result.label().banner() != null) {
            out.print("*** " + result.label().banner() + " ***\n\n");
        }
        out.print(String.join("\n", result.label().lines()) + "\n" + result.label().qrUrl() + "\n");
        out.print("\n" + CatalogStamp.line(result.fingerprint()) + "\n");
    }
}
