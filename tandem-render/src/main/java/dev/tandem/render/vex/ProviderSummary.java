package dev.tandem.render.vex;

import dev.tandem.csaf.provider.PublishedDocument;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.vex.ProviderResult;
import java.io.PrintWriter;

/** What a provider run wrote: the documents it holds (new ones marked), the file count and the signing key. */
final class ProviderSummary implements TextRenderer<ProviderResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(ProviderResult result, PrintWriter out) {
        out.println("CSAF provider directory: " + result.documents().size() + " document(s), " + result.files().size()
                + " files, signed with OpenPGP key " + result.fingerprint());
        for (PublishedDocument document : result.documents()) {
            out.println((result.published().contains(document.trackingId()) ? "  + " : "    ") + document.path() + "  ("
                    + document.trackingId() + ", " + document.currentRelease() + ")");
        }
    }
}
