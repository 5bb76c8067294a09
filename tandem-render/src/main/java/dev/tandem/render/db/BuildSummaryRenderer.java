package dev.tandem.render.db;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.render.TextRenderer;
import java.io.PrintWriter;
import java.util.Locale;

/** A few lines after a snapshot build: the file written, the advisories in it, the KEV entries and their matches, the EPSS scores. */
final class BuildSummaryRenderer implements TextRenderer<WrittenSnapshot> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(WrittenSnapshot written, PrintWriter out) {
        AdvisoryDatabase.Stats stats = written.result().stats();
        out.printf(Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s%n", written.target(), written.result().size(),
                written.took().toNanos() / 1e9);
        out.printf(Locale.ROOT, "Advisories: %,d (%,d withdrawn, ignored; %,d duplicates) forming %,d vulnerabilities%n",
                stats.advisories(), stats.withdrawn(), stats.duplicates(), stats.vulnerabilities());
        out.println("KEV: " + KevCounts.text(stats));
        if (!written.result().provenance().recordSources().isEmpty()) {
            out.printf(Locale.ROOT, "NVD/CVE records: %,d (%,d rejected, ignored)%n", stats.records(), stats.rejected());
        }
        if (written.result().epss() != null) {
            out.println("EPSS: " + EpssText.text(written.result().epss()));
        }
    }
}
