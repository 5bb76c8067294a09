package dev.tandem.render.vex;

import dev.tandem.csaf.CsafJson;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.vex.AdvisoryResult;
import java.io.PrintWriter;

/** The CSAF 2.0 document as JSON, byte for byte what a provider directory hashes and signs. */
final class CsafRenderer implements TextRenderer<AdvisoryResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(AdvisoryResult result, PrintWriter out) {
        out.print(CsafJson.text(result.document()));
    }
}
